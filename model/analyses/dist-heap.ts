// A binary min-heap of (key, node) pairs in typed arrays, each with an integer payload, for Dijkstra
// (distance, node) and the planner (score, candidate; payload = version). Pairs are ordered by key,
// then node index: a total order, so the pop sequence of distinct pairs is the same whatever the
// heap's internal layout (equal pairs differ only in payload, which both callers use to skip stale
// entries, in either order). mnemonist's Heap over tuples gave the same order with an array
// allocated per push.
export class DistHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  private payloads = new Int32Array(1024);
  size = 0;

  private less(i: number, j: number): boolean {
    const a = this.keys[i] as number;
    const b = this.keys[j] as number;
    return a < b || (a === b && (this.nodes[i] as number) < (this.nodes[j] as number));
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i] as number;
    this.keys[i] = this.keys[j] as number;
    this.keys[j] = k;
    const n = this.nodes[i] as number;
    this.nodes[i] = this.nodes[j] as number;
    this.nodes[j] = n;
    const p = this.payloads[i] as number;
    this.payloads[i] = this.payloads[j] as number;
    this.payloads[j] = p;
  }

  push(key: number, node: number, payload = 0): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.size);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(2 * this.size);
      nodes.set(this.nodes);
      this.nodes = nodes;
      const payloads = new Int32Array(2 * this.size);
      payloads.set(this.payloads);
      this.payloads = payloads;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    this.payloads[i] = payload;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Distance of the smallest pair; call before pop. */
  peekKey(): number {
    return this.keys[0] as number;
  }

  /** Payload of the smallest pair; call before pop. */
  peekPayload(): number {
    return this.payloads[0] as number;
  }

  /** Removes the smallest pair and returns its node. */
  pop(): number {
    const node = this.nodes[0] as number;
    const last = --this.size;
    if (last > 0) {
      this.keys[0] = this.keys[last] as number;
      this.nodes[0] = this.nodes[last] as number;
      this.payloads[0] = this.payloads[last] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && this.less(r, l) ? r : l;
        if (!this.less(c, i)) break;
        this.swap(c, i);
        i = c;
      }
    }
    return node;
  }
}
