#!/usr/bin/env python3
"""Builds Cotravail's reference of French communes from the npm package @etalab/decoupage-administratif
(MIT; data from INSEE's Code officiel géographique and La Poste's postcodes, Licence Ouverte).

    mkdir -p /tmp/d && cd /tmp/d && npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf *.tgz
    python3 ops/reference/make-communes.py /tmp/d/package/data src/Cotravail.Web/Common/Reference

Writes communes.csv.gz (code INSEE; name; postcodes separated by |; EPCI SIREN; department),
epci.csv (SIREN; name), departements.csv (code; name; region) and regions.csv (code; name), sorted, UTF-8.
"""
import gzip, json, os, sys

src, out = sys.argv[1], sys.argv[2]
load = lambda name: json.load(open(os.path.join(src, name), encoding="utf-8"))
communes = [c for c in load("communes.json") if c["type"] == "commune-actuelle"]
epcis = load("epci.json")
epci_of = {m["code"]: e["code"] for e in epcis for m in e["membres"]}

def write(name, header, rows, compress=False):
    assert not any(";" in field or "\n" in field for row in rows for field in row)
    data = "".join(";".join(row) + "\n" for row in [header] + sorted(rows)).encode("utf-8")
    path = os.path.join(out, name)
    if compress:
        with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as g:
            g.write(data)
    else:
        open(path, "wb").write(data)

os.makedirs(out, exist_ok=True)
write("communes.csv.gz", ["insee", "nom", "codes_postaux", "epci", "departement"],
      [[c["code"], c["nom"], "|".join(sorted(c.get("codesPostaux", []))), epci_of.get(c["code"], ""), c.get("departement", "")]
       for c in communes], compress=True)
write("epci.csv", ["siren", "nom"], [[e["code"], e["nom"]] for e in epcis])
write("departements.csv", ["code", "nom", "region"], [[d["code"], d["nom"], d["region"]] for d in load("departements.json")])
write("regions.csv", ["code", "nom"], [[r["code"], r["nom"]] for r in load("regions.json")])
