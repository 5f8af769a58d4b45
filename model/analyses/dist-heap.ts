// A binary min-heap of (distance, node) pairs in typed arrays, for Dijkstra. The pairs are ordered
// by distance, then node index: a total order, so the pop sequence is the same whatever the heap's
// internal layout, and the search result does not depend on this class. mnemonist's Heap over
// [d, u] tuples gave the same order with an array allocated per push.
export class DistHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
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
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.size);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(2 * this.size);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
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

  /** Removes the smallest pair and returns its node. */
  pop(): number {
    const node = this.nodes[0] as number;
    const last = --this.size;
    if (last > 0) {
      this.keys[0] = this.keys[last] as number;
      this.nodes[0] = this.nodes[last] as number;
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
