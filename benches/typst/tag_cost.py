"""What tags cost Typst on a brief like the 200-page benchmark brief.

Writes a Typst document with the items `briefwright::sample::long_project(1910)` adds (the
same word pattern: numbered issues, excerpts, bullet lists, talking points), compiles it
with and without Typst's PDF tags, and prints both sizes and the structure elements in
the tagged file (needs `pip install typst==0.15.2 pikepdf`).

    python3 benches/typst/tag_cost.py
"""

import collections
import os
import tempfile

import pikepdf
import typst

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = os.path.join(HERE, "..", "..", "assets", "fonts", "noto")
WORDS = ["water", "trade", "logistics", "education", "energy", "agriculture", "forecasting",
         "Caspian", "investment", "security", "dialogue", "Қазақстан", "cooperation",
         "ministers", "officials", "memorandum", "capacity", "infrastructure", "grain",
         "halal", "reform", "resilience", "exchange", "partnership"]


def long_brief(items):
    out = [
        '#set page(paper: "a4", margin: 22mm, header: align(center)[OFFICIAL: Sensitive],'
        ' footer: context align(center)[Page #counter(page).display()])',
        '#set text(font: "Noto Serif", size: 10.5pt, lang: "en")',
        '#set document(title: "Long brief")',
        "= Long brief",
    ]
    for i in range(items):
        def sentence(n):
            words = [WORDS[(i * 7 + n * 3 + k * 5) % len(WORDS)] for k in range(9 + n % 7)]
            text = " ".join(words)
            return text[0].upper() + text[1:] + "."

        text = [sentence(n) for n in range(2 + i % 5)]
        kind = i % 6
        if kind <= 2:
            out.append(f"+ *Issue {i + 1}.* " + " ".join(text))
        elif kind == 3:
            out.append("\n#quote(block: true)[_\u201c" + " ".join(text) + "\u201d_ [1]]\n")
        elif kind == 4:
            out += [""] + ["- " + t for t in text] + [""]
        else:
            out.append("- " + " ".join(text))
    return "\n".join(out) + "\n"


def main():
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "long.typ")
        with open(source, "w", encoding="utf-8") as file:
            file.write(long_brief(1910))
        sizes = {}
        for tags in (False, True):
            out = os.path.join(scratch, f"long-{tags}.pdf")
            typst.compile(source, output=out, font_paths=[FONTS], ignore_system_fonts=True,
                          pdf_tags=tags)
            sizes[tags] = os.path.getsize(out)
        with pikepdf.open(os.path.join(scratch, "long-True.pdf")) as pdf:
            pages = len(pdf.pages)
            kinds = collections.Counter(
                str(o.S) for o in pdf.objects
                if isinstance(o, pikepdf.Dictionary) and "/S" in o and "/P" in o
            )
    added = sizes[True] - sizes[False]
    print(f"{pages} pages: {sizes[False]} bytes untagged, {sizes[True]} tagged")
    print(f"tags add {added} bytes, {100 * added / sizes[False]:.0f}% of the untagged file")
    print(f"{sum(kinds.values())} structure elements, {added / sum(kinds.values()):.0f} bytes each")


if __name__ == "__main__":
    main()
