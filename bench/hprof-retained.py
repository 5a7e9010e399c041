# Usage: python3 bench/hprof-retained.py DUMP.hprof CLASS[,CLASS…] [TOP]  (numpy, scipy)
"""Retained heap of objects of a class (e.g. Tomcat's StandardSession) in an HPROF dump, by class."""
import sys, struct, mmap, collections
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order

path, want = sys.argv[1], set(sys.argv[2].replace('.', '/').split(','))
f = open(path, 'rb'); m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
pos = m.find(b'\0') + 1
idsize = struct.unpack_from('>I', m, pos)[0]; pos += 12
idfmt = '>Q' if idsize == 8 else '>I'
def rid(p): return struct.unpack_from(idfmt, m, p)[0]
sizes = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
heap = {2: 4, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
strings = {}; classname = {}; classes = {}; segs = []
while pos < len(m):
    tag = m[pos]; length = struct.unpack_from('>I', m, pos + 5)[0]; body = pos + 9
    if tag == 0x01: strings[rid(body)] = m[body + idsize: body + length].decode('utf-8', 'replace')
    elif tag == 0x02: classname[rid(body + 4)] = rid(body + 8 + idsize)
    elif tag in (0x0C, 0x1C): segs.append((body, body + length))
    pos = body + length
cname = lambda cid: strings.get(classname.get(cid), hex(cid))
ids = []; cls = []; shallow = []; ef = []; et = []; roots = []
PRIM = {4: '[Z', 5: '[C', 6: '[F', 7: '[D', 8: '[B', 9: '[S', 10: '[I', 11: '[J'}
def walk(s, e, second):
    p = s
    while p < e:
        t = m[p]; p += 1
        if t in (0xFF, 0x05, 0x07):
            if second: roots.append(rid(p))
            p += idsize
        elif t == 0x01:
            if second: roots.append(rid(p))
            p += 2 * idsize
        elif t in (0x02, 0x03, 0x08):
            if second: roots.append(rid(p))
            p += idsize + 8
        elif t in (0x04, 0x06):
            if second: roots.append(rid(p))
            p += idsize + 4
        elif t == 0x20:
            cid = rid(p); sup = rid(p + idsize + 4); p += 7 * idsize + 8
            n = struct.unpack_from('>H', m, p)[0]; p += 2
            for _ in range(n): p += 3 + sizes[m[p + 2]]
            n = struct.unpack_from('>H', m, p)[0]; p += 2
            st = []
            for _ in range(n):
                ty = m[p + idsize]
                if ty == 2: st.append(rid(p + idsize + 1))
                p += idsize + 1 + sizes[ty]
            n = struct.unpack_from('>H', m, p)[0]; p += 2
            fl = []
            for _ in range(n): fl.append((strings.get(rid(p), '?'), m[p + idsize])); p += idsize + 1
            if not second: classes[cid] = (sup, fl)
            else:
                roots.append(cid); ids.append(cid); cls.append('java/lang/Class'); shallow.append(0)
                for v in st:
                    if v: ef.append(cid); et.append(v)
        elif t == 0x21:
            oid = rid(p); cid = rid(p + idsize + 4); ln = struct.unpack_from('>I', m, p + 2 * idsize + 4)[0]
            d = p + 2 * idsize + 8
            if second:
                q = d; c = cid; sz = 12
                while c:
                    sup, fl = classes[c]
                    weak = cname(c) == 'java/lang/ref/Reference'
                    for nm, ty in fl:
                        if ty == 2:
                            v = rid(q)
                            if v and not (weak and nm in ('referent', 'discovered')): ef.append(oid); et.append(v)
                        q += sizes[ty]; sz += heap[ty]
                    c = sup
                ids.append(oid); cls.append(cid); shallow.append((sz + 7) // 8 * 8)
            p = d + ln
        elif t == 0x22:
            oid = rid(p); n = struct.unpack_from('>I', m, p + idsize + 4)[0]; acid = rid(p + idsize + 8)
            d = p + 2 * idsize + 8
            if second:
                for i in range(n):
                    v = rid(d + i * idsize)
                    if v: ef.append(oid); et.append(v)
                ids.append(oid); cls.append(acid); shallow.append((16 + 4 * n + 7) // 8 * 8)
            p = d + n * idsize
        elif t == 0x23:
            oid = rid(p); n = struct.unpack_from('>I', m, p + idsize + 4)[0]; ty = m[p + idsize + 8]
            if second: ids.append(oid); cls.append(PRIM[ty]); shallow.append((16 + heap[ty] * n + 7) // 8 * 8)
            p = p + idsize + 9 + n * sizes[ty]
        else: raise SystemExit('bad subtag %x' % t)
for s, e in segs: walk(s, e, False)
for s, e in segs: walk(s, e, True)
ids = np.array(ids, dtype=np.uint64); order = np.argsort(ids); ids_s = ids[order]
shallow = np.array(shallow, dtype=np.int64)[order]
cls = [cls[i] for i in order]
N = len(ids_s) + 1  # last = virtual root
def idx(a):
    a = np.array(a, dtype=np.uint64); i = np.searchsorted(ids_s, a); i = np.minimum(i, len(ids_s) - 1)
    ok = ids_s[i] == a; return i, ok
src, ok1 = idx(ef); dst, ok2 = idx(et); ok = ok1 & ok2; src = src[ok]; dst = dst[ok]
r, okr = idx(roots); r = np.unique(r[okr])
src = np.concatenate([src, np.full(len(r), N - 1)]); dst = np.concatenate([dst, r])
def reach(blocked):
    keep = ~np.isin(src, blocked)
    g = csr_matrix((np.ones(keep.sum(), dtype=np.int8), (src[keep], dst[keep])), shape=(N, N))
    o = breadth_first_order(g, N - 1, directed=True, return_predecessors=False)
    mask = np.zeros(N, dtype=bool); mask[o] = True; return mask
def clsname(c): return c if isinstance(c, str) else cname(c)
targets = [i for i, c in enumerate(cls) if not isinstance(c, str) and cname(c) in want]
print('%d x %s' % (len(targets), want))
full = reach(np.array([], dtype=np.int64))
print('live %.1f MiB, %d objects' % (shallow[full[:-1]].sum() / 2**20, full.sum()))
without = reach(np.array(targets))
ret = full & ~without; ret[-1] = False
tot = shallow[ret[:-1]].sum()
print('retained by all %d: %.1f KiB, per one %.1f KiB' % (len(targets), tot / 1024, tot / 1024 / max(1, len(targets))))
by = collections.Counter(); cnt = collections.Counter()
for i in np.nonzero(ret[:-1])[0]:
    k = clsname(cls[i]); by[k] += int(shallow[i]); cnt[k] += 1
for k, v in by.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 40):
    print('%10.1f KiB/session %8d  %s' % (v / 1024 / len(targets), cnt[k], k))
# per session-child attribution: what each direct child of one session retains
if len(sys.argv) > 4:
    import pickle
    np.save('/tmp/23p/ret_mask.npy', ret)
