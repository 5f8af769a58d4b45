// The nearest indexed point by great-circle distance: geokdbush's `around(index, lng, lat, 1)`, step
// for step (same kd-tree walk, same haversine arithmetic, same binary-heap order, so the same point
// wins every tie), without its per-query garbage. `around` allocates a queue and an object per
// visited point and kd-tree node; the planner asks once per candidate site, and at 500k sites those
// objects cost more in collection than the search itself. Here the queue lives in reusable typed
// arrays. Tests compare it with `around` on random points, duplicates and grids.
import type KDBush from "kdbush";

const RAD = Math.PI / 180;
/** Haversine values (0..1) closer than this count as a tie. Rounding in the box bounds and the
 * distances is around 1e-16; at 1 km this window is about 8 cm. */
const TIE = 1e-12;
const TIED = -2;

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

function haverSinDistPartial(haverSinDLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * haverSinDLng + haverSin((lat1 - lat2) * RAD);
}

function haverSinDist(lng1: number, lat1: number, lng2: number, lat2: number, cosLat1: number): number {
  const haverSinDLng = haverSin((lng1 - lng2) * RAD);
  return haverSinDistPartial(haverSinDLng, cosLat1, lat1, lat2);
}

function vertexLat(lat: number, haverSinDLng: number): number {
  const cosDLng = 1 - 2 * haverSinDLng;
  if (cosDLng <= 0) return lat > 0 ? 90 : -90;
  return Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
}

/** geokdbush's lower bound from the query point to anything inside a box. */
function boxDist(
  lng: number,
  lat: number,
  cosLat: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
): number {
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return haverSin((lat - minLat) * RAD);
    if (lat > maxLat) return haverSin((lat - maxLat) * RAD);
    return 0;
  }
  const haverSinDLng = Math.min(haverSin((lng - minLng) * RAD), haverSin((lng - maxLng) * RAD));
  const extremumLat = vertexLat(lat, haverSinDLng);
  if (extremumLat > minLat && extremumLat < maxLat) {
    return haverSinDistPartial(haverSinDLng, cosLat, lat, extremumLat);
  }
  return Math.min(
    haverSinDistPartial(haverSinDLng, cosLat, lat, minLat),
    haverSinDistPartial(haverSinDLng, cosLat, lat, maxLat),
  );
}

/**
 * Queue entries are either points (id >= 0) or kd-tree nodes (id = -1, with a range and a box),
 * stored column-wise; `heap` orders entry numbers by `dist` exactly as tinyqueue does.
 */
export class NearestPoint {
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

  /**
   * The id `around(index, lng, lat, 1)` returns, or -1 for an empty index.
   *
   * First a plain branch-and-bound for the smallest distance, which needs no queue: `around` returns
   * a point of smallest distance, and when no other point comes within TIE of it, that point is the
   * only one it can return. (A point p of smallest distance sits in a kd box whose bound is at most
   * its distance plus rounding, far below TIE; `around` pops that box, and then p, before any point
   * TIE farther.) Only near-ties take the step-for-step replay, which breaks them as `around` does.
   */
  nearest(lng: number, lat: number): number {
    const found = this.bestUnlessTied(lng, lat);
    return found === TIED ? this.nearestAsAround(lng, lat) : found;
  }

  private stackNodes = new Int32Array(3 * 64);
  private stackBoxes = new Float64Array(4 * 64);

  private bestUnlessTied(lng: number, lat: number): number {
    const { ids, coords, nodeSize } = this;
    if (ids.length === 0) return TIED;
    const cosLat = Math.cos(lat * RAD);
    let best = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    let bestId = -1;
    const consider = (i: number) => {
      const d = haverSinDist(lng, lat, coords[2 * i] as number, coords[2 * i + 1] as number, cosLat);
      if (d < best) {
        second = best;
        best = d;
        bestId = ids[i] as number;
      } else if (d < second) second = d;
    };
    let top = 0;
    const push = (
      left: number,
      right: number,
      axis: number,
      box0: number,
      box1: number,
      box2: number,
      box3: number,
    ) => {
      if (top === this.stackNodes.length / 3) {
        const nodes = new Int32Array(2 * this.stackNodes.length);
        nodes.set(this.stackNodes);
        this.stackNodes = nodes;
        const boxes = new Float64Array(2 * this.stackBoxes.length);
        boxes.set(this.stackBoxes);
        this.stackBoxes = boxes;
      }
      this.stackNodes[3 * top] = left;
      this.stackNodes[3 * top + 1] = right;
      this.stackNodes[3 * top + 2] = axis;
      this.stackBoxes[4 * top] = box0;
      this.stackBoxes[4 * top + 1] = box1;
      this.stackBoxes[4 * top + 2] = box2;
      this.stackBoxes[4 * top + 3] = box3;
      top++;
    };
    push(0, ids.length - 1, 0, -180, -90, 180, 90);
    while (top > 0) {
      top--;
      const left = this.stackNodes[3 * top] as number;
      const right = this.stackNodes[3 * top + 1] as number;
      const axis = this.stackNodes[3 * top + 2] as number;
      const minLng = this.stackBoxes[4 * top] as number;
      const minLat = this.stackBoxes[4 * top + 1] as number;
      const maxLng = this.stackBoxes[4 * top + 2] as number;
      const maxLat = this.stackBoxes[4 * top + 3] as number;
      if (boxDist(lng, lat, cosLat, minLng, minLat, maxLng, maxLat) > best + 2 * TIE) continue;
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) consider(i);
        continue;
      }
      const m = (left + right) >> 1;
      consider(m);
      const midLng = coords[2 * m] as number;
      const midLat = coords[2 * m + 1] as number;
      const nextAxis = (axis + 1) % 2;
      const lMaxLng = axis === 0 ? midLng : maxLng;
      const lMaxLat = axis === 1 ? midLat : maxLat;
      const rMinLng = axis === 0 ? midLng : minLng;
      const rMinLat = axis === 1 ? midLat : minLat;
      // The side holding the query point goes on top, so good bounds come early.
      const queryLeft = axis === 0 ? lng <= midLng : lat <= midLat;
      if (queryLeft) {
        push(m + 1, right, nextAxis, rMinLng, rMinLat, maxLng, maxLat);
        push(left, m - 1, nextAxis, minLng, minLat, lMaxLng, lMaxLat);
      } else {
        push(left, m - 1, nextAxis, minLng, minLat, lMaxLng, lMaxLat);
        push(m + 1, right, nextAxis, rMinLng, rMinLat, maxLng, maxLat);
      }
    }
    return bestId < 0 || second - best <= TIE ? TIED : bestId;
  }

  private nearestAsAround(lng: number, lat: number): number {
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
