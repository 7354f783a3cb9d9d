"""The people dictionary against a hand-checked sample of the public record (issue 9): who held
which office on a day, as news of 1980-2025 names them. Each row was checked against the
office-holders' published dates; a failure is a wrong date or code in the dictionary (or a
recognition bug), never a reason to edit this table."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import api
from detente.pipeline import STAGES, build_pipeline


@pytest.fixture(scope="module")
def actors_only():
    """The rule-only pipeline up to the actor stage, as ``detente actors lookup`` uses it."""
    return build_pipeline("", stages=STAGES[: STAGES.index("detente_actors_v1") + 1])


#: (name as news writes it, day, the code of the office held that day).
SAMPLE = [
    ("Boris Yeltsin", "1995-06-01", "RUSGOV"),
    ("Yitzhak Rabin", "1994-06-01", "ISRGOV"),
    ("Yitzhak Rabin", "1987-06-01", "ISRGOVMIL"),
    ("Boutros Boutros-Ghali", "1994-06-01", "IGOUNO"),
    ("Mikhail Gorbachev", "1987-06-01", "USRGOV"),
    ("Andrei Kozyrev", "1993-06-01", "RUSGOV"),
    ("Margaret Thatcher", "1987-06-01", "GBRGOV"),
    ("Helmut Kohl", "1987-06-01", "DEUGOV"),
    ("Francois Mitterrand", "1987-06-01", "FRAGOV"),
    ("Ronald Reagan", "1987-06-01", "USAGOV"),
    ("Saddam Hussein", "1987-06-01", "IRQGOV"),
    ("Ruhollah Khomeini", "1987-06-01", "IRNGOV"),
    ("Javier Perez de Cuellar", "1987-06-01", "IGOUNO"),
    ("Kofi Annan", "2000-06-01", "IGOUNO"),
    ("Tony Blair", "2000-06-01", "GBRGOV"),
    ("Jacques Chirac", "2000-06-01", "FRAGOV"),
    ("Slobodan Milosevic", "1999-06-01", "YUGGOV"),
    ("Slobodan Milosevic", "1995-06-01", "SRBGOV"),
    ("Franjo Tudjman", "1995-06-01", "HRVGOV"),
    ("Alija Izetbegovic", "1994-06-01", "BIHGOV"),
    ("Hafez al-Assad", "1995-06-01", "SYRGOV"),
    ("Hosni Mubarak", "1995-06-01", "EGYGOV"),
    ("Nelson Mandela", "1996-06-01", "ZAFGOV"),
    ("Shimon Peres", "1987-06-01", "ISRGOV"),
    ("Eduard Shevardnadze", "1987-06-01", "USRGOV"),
    ("George Shultz", "1987-06-01", "USAGOV"),
    ("Caspar Weinberger", "1987-06-01", "USAGOVMIL"),
    ("Yitzhak Shamir", "1987-06-01", "ISRGOV"),
    ("Ali Akbar Velayati", "1987-06-01", "IRNGOV"),
    ("Tariq Aziz", "1987-06-01", "IRQGOV"),
    ("Manfred Worner", "1990-06-01", "IGOWSTNAT"),
    ("Javier Solana", "1997-06-01", "IGOWSTNAT"),
    ("Jens Stoltenberg", "2016-06-01", "IGOWSTNAT"),
    ("Vladimir Putin", "2010-06-01", "RUSGOV"),
    ("Sergei Lavrov", "2010-06-01", "RUSGOV"),
    ("Hassan Nasrallah", "2006-06-01", "LBNHEZ"),
    ("Yasser Arafat", "1996-06-01", "PSEGOV"),
    ("Dick Cheney", "1991-06-01", "USAGOVMIL"),
    ("Dick Cheney", "2003-06-01", "USAGOV"),
    ("Colin Powell", "1991-06-01", "USAMIL"),
    ("Colin Powell", "2003-06-01", "USAGOV"),
    ("Ariel Sharon", "1982-06-01", "ISRGOVMIL"),
    ("Ariel Sharon", "2003-06-01", "ISRGOV"),
    ("Leonid Brezhnev", "1980-06-01", "USRGOV"),
    ("Yuri Andropov", "1980-06-01", "USRSPY"),
    ("Benazir Bhutto", "1990-01-01", "PAKGOV"),
    ("Rajiv Gandhi", "1987-06-01", "INDGOV"),
    ("Deng Xiaoping", "1987-06-01", "CHNGOV"),
    ("Kim Il-sung", "1987-06-01", "PRKGOV"),
    ("Dmitry Yazov", "1988-06-01", "USRGOVMIL"),
    ("Wojciech Jaruzelski", "1987-06-01", "POLGOV"),
    ("Erich Honecker", "1987-06-01", "DDRGOV"),
    ("Muammar Gaddafi", "1987-06-01", "LBYGOV"),
]


@pytest.mark.parametrize(("name", "day", "code"), SAMPLE)
def test_a_person_is_coded_by_the_office_held_that_day(actors_only, name, day, code):
    mentions = api.lookup(name, dt.date.fromisoformat(day), nlp=actors_only)
    assert [m.code for m in mentions] == [code], [m.role_applied for m in mentions]
