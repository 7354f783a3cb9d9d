"""Our actor codes against GDELT's published CAMEO tables (../shared/data/cameo/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.datafiles import data_path, load_yaml_entries, read_tsv

#: GDELT codes we leave out on purpose, and ours GDELT's tables lack, each with its reason.
LEFT_OUT = {"BAG": "Baghdad is a city, not a country or region: coded through Iraq"}
EXTRA_SECTORS = {"REL": "religious actors: a CAMEO sector code absent from GDELT's type table"}


def gdelt_table(folder: Path, name: str) -> dict[str, str]:
    rows = {}
    for line in (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        code, _, label = line.rstrip("\r").partition("\t")
        if code and code != "0":
            rows[code] = label
    return rows


@pytest.fixture(scope="module")
def cameo(shared_data):
    folder = shared_data / "cameo"
    return {
        name: gdelt_table(folder, f"CAMEO.{name}.txt")
        for name in ("country", "actortype", "knowngroup", "ethnic")
    }


@pytest.fixture(scope="module")
def countries():
    return load_yaml_entries(data_path("actors", "countries.yaml"))


def test_every_gdelt_country_and_region_code_is_ours(cameo, countries):
    ours = {entry["code"] for entry in countries}
    assert set(cameo["country"]) - ours == set(LEFT_OUT)


def test_our_country_codes_are_gdelts_where_gdelt_has_the_country(cameo, countries):
    gdelt = set(cameo["country"])
    wrong = [
        e["code"]
        for e in countries
        if e.get("iso3") in gdelt and e["iso3"] != e["code"] and e["code"] not in gdelt
    ]
    assert not wrong


def test_sector_codes_are_gdelt_actor_types(cameo):
    used = {
        code
        for _, row in read_tsv(data_path("actors", "sectors.tsv"))
        for code in row["codes"].split()
    }
    assert used - set(cameo["actortype"]) == set(EXTRA_SECTORS)


@pytest.mark.parametrize("name", ["organisations.yaml", "groups.yaml"])
def test_organisation_and_group_codes_are_built_from_cameo_codes(cameo, countries, name):
    """IGOWSTNAT = IGO + WST (region) + NAT (known group): every 3-letter part is a CAMEO code
    (IGOARBARL: ARB, "Arab", is in CAMEO's ethnic table)."""
    known = (
        set(cameo["country"])
        | {code for code in cameo["ethnic"] if code.isupper()}
        | set(cameo["actortype"])
        | set(cameo["knowngroup"])
        | {e["code"] for e in countries}
    )
    bad = {}
    for entry in load_yaml_entries(data_path("actors", name)):
        code = entry["code"]
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        if len(code) % 3 or not set(parts) <= known:
            bad[entry.get("id", code)] = code
    assert not bad
