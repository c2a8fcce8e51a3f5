// Quick start: score one district against a two-indicator framework.
#include <civitas/civitas.hpp>

#include <iostream>

int main() {
    const civitas::Framework garden = civitas::parse_framework(R"({
        "id": "garden-mini", "name": "园林城市（示例）", "reliability": "illustrative",
        "indicators": [
            {"id": "green_coverage", "name": "建成区绿化覆盖率", "unit": "%", "pass": 36, "kind": "basic"},
            {"id": "green_space_ratio", "name": "建成区绿地率", "unit": "%", "pass": 31}
        ]})");

    const civitas::Evaluation result = garden.evaluate({{"green_coverage", 31.44}, {"green_space_ratio", 31.5}}, "兰州市");

    std::cout << civitas::to_string(result) << "\n";
    for (const civitas::IndicatorResult* shortfall : result.shortfalls())
        std::cout << shortfall->id << " is " << *shortfall->gap << " points short\n";  // 4.56
    return result.passed ? 1 : 0;  // fails: a basic item is not met
}
