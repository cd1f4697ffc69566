"""Official land areas of the four islands, in km², as published by the Government of Japan."""

# Geospatial Information Authority of Japan (GSI), "全国都道府県市区町村別面積調" 2025 (令和7年),
# as tabulated by MLIT Hokkaido Bureau: https://www.mlit.go.jp/hkb/hoppo-data.html
# (歯舞群島 94.84, 色丹島 247.65, 国後島 1,489.27, 択捉島 3,166.64; total with surrounding
# islets 5,003.05). Etorofu and Kunashiri match the Cabinet Office / hoppou.go.jp figures
# (3,166.6 and 1,489.3, https://www.hoppou.go.jp/archives/basics/islands1.html).
# The figures 253.33 (Shikotan) and 99.94 (Habomai) that circulate on reference sites are
# not the current GSI values and were not found in any current government source.
OFFICIAL_AREA_KM2: dict[str, float] = {
    "iturup": 3166.64,
    "kunashir": 1489.27,
    "shikotan": 247.65,
    "habomai": 94.84,
}
OFFICIAL_AREA_SOURCE = "https://www.mlit.go.jp/hkb/hoppo-data.html"
OFFICIAL_AREA_SURVEY = "GSI, Nationwide Prefectural and Municipal Area Survey, 2025"

# MOFA, "Information about the Northern Territories" (GSI 2020 survey, rounded to 1 km²):
# area including the surrounding islets; https://www.mofa.go.jp/erp/rss/northern/page1we_000017.html
OFFICIAL_AREA_WITH_ISLETS_KM2: dict[str, int] = {
    "iturup": 3168,
    "kunashir": 1490,
    "shikotan": 251,
    "habomai": 95,
}
OFFICIAL_AREA_WITH_ISLETS_SOURCE = "https://www.mofa.go.jp/erp/rss/northern/page1we_000017.html"

# Russian reference figures for the Lesser Kuril Chain (Shikotan and the Habomai islets),
# as tabulated from Russian sources in the "Lesser Kuril Chain" article (a mirror:
# https://wikiclassic.com/wiki/Lesser_Kuril_Chain); reference only, not an official source.
RUSSIAN_REFERENCE_AREA_KM2: dict[str, float] = {
    "shikotan": 264.13,
    # Polonsky 11.57 + Oskolki 0.2 + Zelyony 58.72 + Tanfilyeva 12.92 + Yuri 10.32
    # + Dyomina 0.7 + Anuchina 2.35
    "habomai": 96.78,
}
RUSSIAN_REFERENCE_AREA_SOURCE = "https://wikiclassic.com/wiki/Lesser_Kuril_Chain"
