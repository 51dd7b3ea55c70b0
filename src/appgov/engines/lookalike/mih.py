"""The inner loop of the icon tables' multi-index hashing search, compiled (numba).

``IconIndex`` cuts each 64-bit hash into chunks and files every protected hash under its chunk values
and their one-bit neighbours; a query reads, for each chunk, the rows filed under its own chunk value
and keeps those within the radius. The geometric-variant tables hold ~190,000 hashes of similar
drawings, so a query reads thousands of rows: in numpy every row went through a dozen whole-array
passes (repeat, gather, XOR, popcount, masks) — a third of a 2.3 M-listing sweep. Here the rows' hashes
are read in sequence, each compared once, and only a match is checked against the query's earlier ones.
"""

from __future__ import annotations

import numpy as np
from numba import njit

_M1 = np.uint64(0x5555555555555555)
_M2 = np.uint64(0x3333333333333333)
_M4 = np.uint64(0x0F0F0F0F0F0F0F0F)
_H01 = np.uint64(0x0101010101010101)


@njit(cache=True, nogil=True)
def _popcount(x):
    x = x - ((x >> np.uint64(1)) & _M1)
    x = (x & _M2) + ((x >> np.uint64(2)) & _M2)
    x = (x + (x >> np.uint64(4))) & _M4
    return np.int64((x * _H01) >> np.uint64(56))


@njit(cache=True, nogil=True)
def query_direct(queries, shifts, masks, offsets, rows, filed, max_distance):
    """(query position, row, distance) of every table row within ``max_distance`` of a query, each
    pair once, by query then chunk order. ``offsets[c * 65536 + value]`` is where chunk ``c``'s rows
    for ``value`` start in ``rows``; ``filed`` holds each of those rows' hash in the same order, so the
    scan reads memory in sequence (chunks of at most 16 bits)."""
    n = queries.shape[0]
    capacity = max(1024, 4 * n)
    out_q = np.empty(capacity, np.int64)
    out_r = np.empty(capacity, np.int64)
    out_d = np.empty(capacity, np.int64)
    found = 0
    for qi in range(n):
        q = queries[qi]
        first = found
        for c in range(shifts.shape[0]):
            dense = c * 65536 + np.int64((q >> shifts[c]) & masks[c])
            for j in range(offsets[dense], offsets[dense + 1]):
                d = _popcount(q ^ filed[j])
                if d > max_distance:
                    continue
                r = rows[j]
                again = False
                for k in range(first, found):  # a row met through an earlier chunk (few: only matches)
                    if out_r[k] == r:
                        again = True
                        break
                if again:
                    continue
                if found == capacity:
                    capacity *= 2
                    out_q = _grown(out_q, capacity)
                    out_r = _grown(out_r, capacity)
                    out_d = _grown(out_d, capacity)
                out_q[found] = qi
                out_r[found] = r
                out_d[found] = d
                found += 1
    return out_q[:found], out_r[:found], out_d[:found]


@njit(cache=True, nogil=True)
def _grown(values, capacity):
    out = np.empty(capacity, values.dtype)
    out[: values.shape[0]] = values
    return out
