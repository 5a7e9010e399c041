# Usage: python3 bench/hprof-referrers.py DUMP.hprof MIN_CHARS [DEPTH] [CLASS] [N]  (numpy)
"""Minimal HPROF reader: who holds large char[] (or any class's instances)? Prints referrer chains."""
import sys, struct, mmap, collections
import numpy as np

path = sys.argv[1]
min_chars = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
f = open(path, 'rb'); m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
end = m.find(b'\0'); pos = end + 1
idsize = struct.unpack_from('>I', m, pos)[0]; pos += 4 + 8
idfmt = '>Q' if idsize == 8 else '>I'
def rid(p): return struct.unpack_from(idfmt, m, p)[0]
sizes = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
strings = {}; classname = {}; classes = {}  # class id -> (super, [(name,type)])
obj_class = {}   # only for instances (id -> class id) : memory heavy but OK
edges_from = array_from = []
ef = []; et = []; names_of_edge = []
targets = {}  # char[] id -> length
arrays_class = {}
heap_segments = []
while pos < len(m):
    tag = m[pos]; length = struct.unpack_from('>I', m, pos + 5)[0]; body = pos + 9
    if tag == 0x01:
        strings[rid(body)] = m[body + idsize: body + length].decode('utf-8', 'replace')
    elif tag == 0x02:
        classname[rid(body + 4)] = rid(body + 8 + idsize)
    elif tag in (0x0C, 0x1C):
        heap_segments.append((body, body + length))
    pos = body + length
cname = lambda cid: strings.get(classname.get(cid), hex(cid))
# pass 1: class dumps
def walk(seg_start, seg_end, visit_instances):
    p = seg_start
    while p < seg_end:
        t = m[p]; p += 1
        if t == 0xFF: p += idsize
        elif t == 0x01: p += 2 * idsize
        elif t == 0x02: p += idsize + 8
        elif t == 0x03: p += idsize + 8
        elif t == 0x04: p += idsize + 4
        elif t == 0x05: p += idsize
        elif t == 0x06: p += idsize + 4
        elif t == 0x07: p += idsize
        elif t == 0x08: p += idsize + 8
        elif t == 0x20:
            cid = rid(p); sup = rid(p + idsize + 4); p += 7 * idsize + 4 + 4
            n = struct.unpack_from('>H', m, p)[0]; p += 2
            for _ in range(n):
                ty = m[p + 2]; p += 3 + sizes[ty]
            n = struct.unpack_from('>H', m, p)[0]; p += 2
            statics = []
            for _ in range(n):
                nm = rid(p); ty = m[p + idsize]; 
                if ty == 2: statics.append((strings.get(nm, '?'), rid(p + idsize + 1)))
                p += idsize + 1 + sizes[ty]
            n = struct.unpack_from('>H', m, p)[0]; p += 2
            fields = []
            for _ in range(n):
                fields.append((strings.get(rid(p), '?'), m[p + idsize])); p += idsize + 1
            if not visit_instances: classes[cid] = (sup, fields, statics)
            else:
                for nm, v in statics:
                    if v: ef.append(cid); et.append(v)
        elif t == 0x21:
            oid = rid(p); cid = rid(p + idsize + 4); ln = struct.unpack_from('>I', m, p + 2 * idsize + 4)[0]
            d = p + 2 * idsize + 8
            if visit_instances:
                obj_class[oid] = cid
                q = d; c = cid
                while c:
                    sup, fields, _ = classes[c]
                    for nm, ty in fields:
                        if ty == 2:
                            v = rid(q)
                            if v: ef.append(oid); et.append(v)
                        q += sizes[ty]
                    c = sup
            p = d + ln
        elif t == 0x22:
            oid = rid(p); n = struct.unpack_from('>I', m, p + idsize + 4)[0]; acid = rid(p + idsize + 8)
            d = p + 2 * idsize + 8
            if visit_instances:
                obj_class[oid] = acid
                for i in range(n):
                    v = rid(d + i * idsize)
                    if v: ef.append(oid); et.append(v)
            p = d + n * idsize
        elif t == 0x23:
            oid = rid(p); n = struct.unpack_from('>I', m, p + idsize + 4)[0]; ty = m[p + idsize + 8]
            if visit_instances:
                obj_class[oid] = ('prim', ty, n)
                if ty == 5 and n >= min_chars: targets[oid] = n
            p = p + idsize + 9 + n * sizes[ty]
        else:
            raise SystemExit('bad subtag %x at %d' % (t, p))
for s, e in heap_segments: walk(s, e, False)
for s, e in heap_segments: walk(s, e, True)
ef = np.array(ef, dtype=np.uint64); et = np.array(et, dtype=np.uint64)
order = np.argsort(et, kind='stable'); et_s = et[order]; ef_s = ef[order]
def referrers(oid):
    lo = np.searchsorted(et_s, np.uint64(oid), 'left'); hi = np.searchsorted(et_s, np.uint64(oid), 'right')
    return [int(x) for x in ef_s[lo:hi]]
def name(oid):
    c = obj_class.get(oid)
    if c is None: return 'class ' + cname(oid) if oid in classes else '?'
    if isinstance(c, tuple): return 'prim[%d] n=%d' % (c[1], c[2])
    return cname(c)
print('char[] >= %d chars: %d' % (min_chars, len(targets)))
for oid, n in sorted(targets.items(), key=lambda x: -x[1])[:int(sys.argv[5]) if len(sys.argv) > 5 else 40]:
    print('\nchar[%d] %x' % (n, oid))
    frontier = [oid]; seen = {oid}
    for depth in range(int(sys.argv[3]) if len(sys.argv) > 3 else 8):
        nxt = []
        for o in frontier:
            for r in referrers(o)[:4]:
                if r not in seen:
                    seen.add(r); nxt.append(r)
                    print('  ' * (depth + 1) + '<- ' + name(r) + ' %x' % r)
        frontier = nxt[:6]
        if not frontier: break

if len(sys.argv) > 4:
    want = sys.argv[4].replace('.', '/')
    objs = [o for o, c in obj_class.items() if not isinstance(c, tuple) and cname(c) == want]
    print('\n%d instances of %s' % (len(objs), want))
    for o in objs:
        rs = referrers(o)
        print('%x <- %s' % (o, ', '.join(name(r) + ' %x' % r for r in rs)))
