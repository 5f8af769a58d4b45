// geokdbush's `around(index, lng, lat, 1)` replayed step for step: the same kd-tree walk, the same
// haversine arithmetic, the same binary-heap order (tinyqueue's), so the same point wins every tie,
// but with the queue in reusable typed arrays instead of an object per visited point and kd node.
// NearestPoint (nearest.ts) calls it only on near-ties, where only this order decides.
import type KDBush from "kdbush";
import { boxDist, haverSinDist, RAD } from "./great-circle.ts";

/**
 * Queue entries are either points (id >= 0) or kd-tree nodes (id = -1, with a range and a box),
 * stored column-wise; `heap` orders entry numbers by `dist` exactly as tinyqueue does.
 */
export class AroundReplay {
  private readonly ids: ArrayLike<number>;
  private readonly coords: ArrayLike<number>;
  private readonly nodeSize: number;
  private capacity = 0;
  private id = new Int32Array(0);
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private axis = new Uint8Array(0);
  private dist = new Float64Array(0);
  private box = new Float64Array(0);
  private heap = new Int32Array(0);
  private used = 0;
  private size = 0;

  constructor(index: KDBush) {
    this.ids = index.ids;
    this.coords = index.coords;
    this.nodeSize = index.nodeSize;
    this.grow(1024);
  }

  private grow(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      n: number,
    ) => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.id = copy(this.id, (n) => new Int32Array(n), capacity);
    this.left = copy(this.left, (n) => new Int32Array(n), capacity);
    this.right = copy(this.right, (n) => new Int32Array(n), capacity);
    this.axis = copy(this.axis, (n) => new Uint8Array(n), capacity);
    this.dist = copy(this.dist, (n) => new Float64Array(n), capacity);
    this.box = copy(this.box, (n) => new Float64Array(n), 4 * capacity);
    this.heap = copy(this.heap, (n) => new Int32Array(n), capacity);
    this.capacity = capacity;
  }

  private entry(): number {
    if (this.used === this.capacity) this.grow(2 * this.capacity);
    return this.used++;
  }

  private pushPoint(id: number, dist: number): void {
    const k = this.entry();
    this.id[k] = id;
    this.dist[k] = dist;
    this.up(k);
  }

  private pushNode(
    left: number,
    right: number,
    axis: number,
    minLng: number,
    minLat: number,
    maxLng: number,
    maxLat: number,
    dist: number,
  ): void {
    const k = this.entry();
    this.id[k] = -1;
    this.left[k] = left;
    this.right[k] = right;
    this.axis[k] = axis;
    const b = 4 * k;
    this.box[b] = minLng;
    this.box[b + 1] = minLat;
    this.box[b + 2] = maxLng;
    this.box[b + 3] = maxLat;
    this.dist[k] = dist;
    this.up(k);
  }

  /** tinyqueue's push: append, then sift up while strictly smaller than the parent. */
  private up(item: number): void {
    const { heap, dist } = this;
    let pos = this.size++;
    const d = dist[item] as number;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const current = heap[parent] as number;
      if (d - (dist[current] as number) >= 0) break;
      heap[pos] = current;
      pos = parent;
    }
    heap[pos] = item;
  }

  /** tinyqueue's pop: the top; the last entry moves to the top and sifts down. */
  private pop(): number {
    if (this.size === 0) return -1;
    const { heap, dist } = this;
    const top = heap[0] as number;
    const bottom = heap[this.size - 1] as number;
    if (--this.size > 0) {
      let pos = 0;
      const half = this.size >> 1;
      const d = dist[bottom] as number;
      while (pos < half) {
        let best = (pos << 1) + 1;
        const right = best + 1;
        if (
          right < this.size &&
          (dist[heap[right] as number] as number) - (dist[heap[best] as number] as number) < 0
        ) {
          best = right;
        }
        if ((dist[heap[best] as number] as number) - d >= 0) break;
        heap[pos] = heap[best] as number;
        pos = best;
      }
      heap[pos] = bottom;
    }
    return top;
  }

  /** The id `around(index, lng, lat, 1)` returns, or -1 for an empty index. */
  nearest(lng: number, lat: number): number {
    this.used = 0;
    this.size = 0;
    const { ids, coords, nodeSize } = this;
    const cosLat = Math.cos(lat * RAD);
    let left = 0;
    let right = ids.length - 1;
    let axis = 0;
    let minLng = -180;
    let minLat = -90;
    let maxLng = 180;
    let maxLat = 90;
    for (;;) {
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) {
          this.pushPoint(
            ids[i] as number,
            haverSinDist(lng, lat, coords[2 * i] as number, coords[2 * i + 1] as number, cosLat),
          );
        }
      } else {
        const m = (left + right) >> 1;
        const midLng = coords[2 * m] as number;
        const midLat = coords[2 * m + 1] as number;
        this.pushPoint(ids[m] as number, haverSinDist(lng, lat, midLng, midLat, cosLat));
        const nextAxis = (axis + 1) % 2;
        const lMaxLng = axis === 0 ? midLng : maxLng;
        const lMaxLat = axis === 1 ? midLat : maxLat;
        const rMinLng = axis === 0 ? midLng : minLng;
        const rMinLat = axis === 1 ? midLat : minLat;
        const lDist = boxDist(lng, lat, cosLat, minLng, minLat, lMaxLng, lMaxLat);
        const rDist = boxDist(lng, lat, cosLat, rMinLng, rMinLat, maxLng, maxLat);
        this.pushNode(left, m - 1, nextAxis, minLng, minLat, lMaxLng, lMaxLat, lDist);
        this.pushNode(m + 1, right, nextAxis, rMinLng, rMinLat, maxLng, maxLat, rDist);
      }
      const next = this.pop();
      if (next < 0) return -1;
      const id = this.id[next] as number;
      if (id >= 0) return id;
      left = this.left[next] as number;
      right = this.right[next] as number;
      axis = this.axis[next] as number;
      const b = 4 * next;
      minLng = this.box[b] as number;
      minLat = this.box[b + 1] as number;
      maxLng = this.box[b + 2] as number;
      maxLat = this.box[b + 3] as number;
    }
  }
}
