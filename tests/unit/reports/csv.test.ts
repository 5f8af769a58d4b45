import { describe, expect, it } from "vitest";
import { toCsv } from "../../../reports/csv.ts";
import { NETBOX_SITE_COLUMNS, renderNetboxSitesCsv } from "../../../reports/netbox-csv.ts";
import { fixtureView, TRICKY_NAME } from "./fixture.ts";

// A minimal RFC 4180 reader, independent of the writer, to prove the output round-trips.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("CSV quoting", () => {
  it("quotes a field with a comma and doubles embedded quotes", () => {
    const csv = toCsv(["name"], [[`A "B", C`]]);
    expect(csv).toBe(`name\r\n"A ""B"", C"\r\n`);
  });

  it("leaves plain fields bare and writes empty for null", () => {
    expect(toCsv(["a", "b", "c"], [["plain", null, 3]])).toBe("a,b,c\r\nplain,,3\r\n");
  });

  it("quotes embedded newlines so a row stays one record", () => {
    expect(parseCsv(toCsv(["x"], [["line 1\nline 2"]]))).toEqual([["x"], ["line 1\nline 2"]]);
  });
});

describe("NetBox site CSV", () => {
  const rows = parseCsv(renderNetboxSitesCsv(fixtureView()));
  const header = rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const byName = (name: string) => rows.find((r) => r[col("name")] === name);

  it("has NetBox's site import columns and one row per site", () => {
    expect(header).toEqual([...NETBOX_SITE_COLUMNS]);
    expect(rows).toHaveLength(1 + 5);
  });

  it("uses only fields NetBox's site import form accepts, name and status included", () => {
    // SiteImportForm.Meta.fields in netbox/dcim/forms/bulk_import.py (NetBox 4.x); `status` is
    // required there, and a column it does not know makes the whole import fail.
    const accepted = [
      "name",
      "slug",
      "status",
      "region",
      "group",
      "tenant",
      "facility",
      "time_zone",
      "description",
      "physical_address",
      "shipping_address",
      "latitude",
      "longitude",
      "comments",
      "tags",
    ];
    for (const column of header) expect(accepted).toContain(column);
    for (const required of ["name", "slug", "status"]) expect(header).toContain(required);
  });

  it("round-trips a name containing a comma, quotes and markup", () => {
    const row = byName(TRICKY_NAME);
    expect(row).toBeDefined();
    expect(row?.[col("slug")]).toBe("sdn-1-kartini");
    expect(row?.[col("tenant")]).toBe("Dinas Pendidikan, Pemuda dan Olahraga");
  });

  it("maps OFDS statuses to NetBox site statuses", () => {
    expect(byName(TRICKY_NAME)?.[col("status")]).toBe("active");
    expect(byName("SMA Negeri 1 Baubau")?.[col("status")]).toBe("planned");
    for (const r of rows.slice(1)) {
      expect(["planned", "staging", "active", "decommissioning", "retired"]).toContain(r[col("status")]);
    }
  });

  it("writes region, six-decimal coordinates and provenance", () => {
    const row = byName("SMA Negeri 1 Baubau");
    expect(row?.[col("region")]).toBe("Wolio");
    expect(row?.[col("latitude")]).toBe("-5.476000");
    expect(row?.[col("longitude")]).toBe("122.645000");
    expect(row?.[col("comments")]).toContain("Source: test fixture");
    expect(row?.[col("comments")]).toContain("illustrative");
  });
});
