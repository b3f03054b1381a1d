#!/usr/bin/env python3
# encode-symbolic.py ENCODER SIZE OUTDIR SVG...
#
# Pre-renders symbolic SVG icons as SIZExSIZE .symbolic.png files, the form
# GTK's own icons ship in, so GTK recolours them without loading librsvg at
# start-up. Writes OUTDIR/SIZExSIZE-NAME.symbolic.png for each NAME.svg:
# gtk4-encode-symbolic-svg names its output after the SVG alone, so each
# icon is encoded in a scratch directory and then renamed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    encoder, size, outdir, svgs = argv[1], argv[2], argv[3], argv[4:]
    with tempfile.TemporaryDirectory() as scratch:
        for svg in svgs:
            name = os.path.basename(svg)[:-len('.svg')]
            subprocess.run([encoder, '-o', scratch, svg, f'{size}x{size}'], check=True)
            shutil.move(os.path.join(scratch, f'{name}.symbolic.png'),
                        os.path.join(outdir, f'{size}x{size}-{name}.symbolic.png'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
