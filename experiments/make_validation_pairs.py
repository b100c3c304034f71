#!/usr/bin/env python3
"""Writes a label map for choosing --separate-windows on held-out data only: pairs of the validation structures
(aal_left_validation.txt) merged into one label each, so that an object is drawn as two separate pieces, far
apart or near (the way a bilateral Brodmann area lies on an axial slice). No test structure is used.
Usage: experiments/make_validation_pairs.py AAL_NII_GZ OUT_NII_GZ"""
import gzip, struct, sys

PAIRS = [(7, 67), (31, 43), (55, 91), (19, 79)]  # centroid distances about 93, 114, 27 and 60 voxels

def main():
    src, out = sys.argv[1], sys.argv[2]
    raw = gzip.open(src).read()
    datatype = struct.unpack('<h', raw[70:72])[0]
    offset = int(struct.unpack('<f', raw[108:112])[0])
    if datatype != 2:
        sys.exit(f"{src}: expected 8-bit labels (NIfTI datatype 2), found datatype {datatype}")
    mapping = bytearray(256)
    for new, pair in enumerate(PAIRS, start=1):
        for old in pair:
            mapping[old] = new
    data = bytes(raw[offset:]).translate(bytes(mapping))
    with gzip.open(out, 'xb') as f:  # never overwrites
        f.write(raw[:offset] + data)

if __name__ == '__main__':
    main()
