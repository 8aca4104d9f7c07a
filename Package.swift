// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "presetctl",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "presetctl", targets: ["presetctl"]),
    .library(name: "PresetKit", targets: ["PresetKit"]),
  ],
  targets: [
    // libyaml through pkg-config; only Sources/PresetKit/YAML/YAMLParser.swift imports it.
    .systemLibrary(
      name: "CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    // SHA-256 with the x86 SHA extensions, chosen at run time (CPUID); portable Swift everywhere else.
    .target(name: "CSHA256"),
    .target(
      name: "PresetKit",
      dependencies: ["CYaml", "CSHA256"],
      linkerSettings: [.linkedLibrary("m")]
    ),
    .executableTarget(
      name: "presetctl",
      dependencies: ["PresetKit"]
    ),
    .executableTarget(
      name: "presetctl-bench", dependencies: ["PresetKit", "OpenRouterFake", "CYaml"],
      exclude: ["BENCHMARKS.md"]
    ),
    // Test support: an in-process fake of OpenRouter's preset API; never part of the product.
    .target(name: "OpenRouterFake", dependencies: ["PresetKit"]),
    .executableTarget(name: "fake-openrouter", dependencies: ["OpenRouterFake"]),
    .executableTarget(name: "presetctl-schemagen", dependencies: ["PresetKit"]),
    .testTarget(
      name: "PresetKitTests",
      dependencies: ["PresetKit", "OpenRouterFake"]
    ),
  ]
)
