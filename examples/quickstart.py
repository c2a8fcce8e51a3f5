# Quick start: score districts against a bundled framework, in a notebook or a script.
import pandas as pd

import civitas

garden = civitas.load_bundled_framework("garden-city-2010")
print(garden)

city = garden.evaluate({"built_up_green_coverage": 31.44, "built_up_green_space_ratio": 28.63},
                       unit="兰州市", unit_class="land-80-100")
print(city.passed, city.reason)
print(city.to_frame()[["value", "outcome", "gap"]].dropna())

districts = pd.DataFrame(
    {"built_up_green_coverage": [38.2, 30.1], "built_up_green_space_ratio": [33.0, 27.5]},
    index=["城关区", "七里河区"],
)
batch = garden.evaluate_many(districts)
print(batch.to_frame()[["total", "passed", "met"]])
