#!/usr/bin/env python3
"""Writes public/icon.png (256x256 RGBA): a pie of three shares on a rounded square.

Launchers (Kangaroo, hc-spin) want an icon beside index.html. No image library: the PNG is
written by hand with zlib, so this runs on any python3.
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 256
BACKGROUND = (24, 66, 56, 255)
SLICES = [(0.0, 0.5, (242, 201, 76, 255)), (0.5, 0.8, (111, 207, 151, 255)), (0.8, 1.0, (86, 204, 242, 255))]


def pixel(x: int, y: int) -> tuple:
    cx = cy = SIZE / 2 - 0.5
    corner = 40
    # Rounded square: transparent outside the rounded corners.
    dx = max(corner - x, x - (SIZE - 1 - corner), 0)
    dy = max(corner - y, y - (SIZE - 1 - corner), 0)
    if dx * dx + dy * dy > corner * corner:
        return (0, 0, 0, 0)
    r = math.hypot(x - cx, y - cy)
    if r > 92:
        return BACKGROUND
    # A thin gap between slices reads as separate shares.
    turn = (math.atan2(x - cx, -(y - cy)) / (2 * math.pi)) % 1.0
    for start, end, colour in SLICES:
        if start <= turn < end:
            gap = min(turn - start, end - turn) * 2 * math.pi * r
            return BACKGROUND if gap < 3 else colour
    return BACKGROUND


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main() -> None:
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
    out = Path(__file__).resolve().parent.parent / "public" / "icon.png"
    out.write_bytes(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
