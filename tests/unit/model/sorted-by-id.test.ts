import { describe, expect, it } from "vitest";
import { findById, sortedById } from "../../../model/sorted-by-id.ts";

const rec = (id: string, tag = "") => ({ id, tag });

describe("sortedById", () => {
  it("sorts by id with the plain string order, equal ids in list order", () => {
    const list = [rec("b"), rec("a", "first"), rec("B"), rec("a", "second"), rec("a-1")];
    expect(sortedById(list).map((r) => [r.id, r.tag])).toEqual([
      ["B", ""],
      ["a", "first"],
      ["a", "second"],
      ["a-1", ""],
      ["b", ""],
    ]);
  });

  it("leaves the list itself alone", () => {
    const list = [rec("c"), rec("a"), rec("b")];
    const view = sortedById(list);
    expect(list.map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(view).not.toBe(list);
  });

  it("keeps nothing between calls: each call sorts the list as it is now", () => {
    const list = [rec("c"), rec("a"), rec("b")];
    const first = sortedById(list);
    expect(sortedById(list)).not.toBe(first);
    list[1] = rec("z");
    expect(sortedById(list).map((r) => r.id)).toEqual(["b", "c", "z"]);
    expect(first.map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
});

describe("findById", () => {
  it("finds every record of a sorted view and nothing else", () => {
    const list = ["m", "b", "z", "a", "q", "B", "a-1"].map((id) => rec(id));
    const view = sortedById(list);
    for (const r of list) expect(findById(view, r.id)).toBe(r);
    for (const id of ["", "A", "c", "zz", "a-"]) expect(findById(view, id)).toBeUndefined();
    expect(findById([], "a")).toBeUndefined();
  });
});
