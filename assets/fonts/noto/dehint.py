# Removes TrueType hinting from the bundled fonts, keeping glyph order, outlines, metrics
# and layout tables. Run once on fonts taken from Debian:
#   python3 dehint.py *.ttf    (writes the results to /tmp/dehint/)
import sys
from fontTools.ttLib import TTFont
for path in sys.argv[1:]:
    font = TTFont(path)
    order = font.getGlyphOrder()
    for tag in ("fpgm", "prep", "cvt ", "hdmx", "VDMX", "LTSH", "gasp"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in order:
        glyph = glyf[name]
        glyph.expand(glyf)
        if hasattr(glyph, "removeHinting"):
            glyph.removeHinting()
    maxp = font["maxp"]
    for field in ("maxZones", ):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    out = "/tmp/dehint/" + path.split("/")[-1]
    font.save(out)
    again = TTFont(out)
    assert again.getGlyphOrder() == order
    print(path, "ok")
