// swift-tools-version:6.1
import PackageDescription

/// The library's layers, lowest first (tests, the benchmark and the fake reach into all of them).
let layers: [Target.Dependency] = [
  "PresetCore", "PresetSchema", "PresetModel", "PresetPolicy", "PresetCompiler", "PresetReconcile", "PresetRender",
]

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
    // The library in layers; each module sees only the ones below it, so the compiler enforces the arrows
    // (README "Development"). Only Sources/PresetCore/YAML/YAMLParser.swift imports CYaml.
    // SHA-256 with the x86 SHA extensions, chosen at run time (CPUID); portable Swift everywhere else.
    .target(name: "CSHA256"),
    .target(name: "PresetCore", dependencies: ["CYaml", "CSHA256"], linkerSettings: [.linkedLibrary("m")]),
    .target(name: "PresetSchema", dependencies: ["PresetCore"]),
    .target(name: "PresetModel", dependencies: ["PresetCore", "PresetSchema"]),
    .target(name: "PresetPolicy", dependencies: ["PresetCore", "PresetSchema", "PresetModel"]),
    .target(name: "PresetCompiler", dependencies: ["PresetCore", "PresetSchema", "PresetModel", "PresetPolicy"]),
    .target(
      name: "PresetReconcile",
      dependencies: ["PresetCore", "PresetSchema", "PresetModel", "PresetPolicy", "PresetCompiler"]
    ),
    .target(
      name: "PresetRender",
      dependencies: ["PresetCore", "PresetSchema", "PresetModel", "PresetPolicy", "PresetCompiler", "PresetReconcile"]
    ),
    .target(
      name: "PresetKit",
      dependencies: [
        "PresetCore", "PresetSchema", "PresetModel", "PresetPolicy", "PresetCompiler", "PresetReconcile",
        "PresetRender",
      ]
    ),
    .executableTarget(
      name: "presetctl",
      dependencies: ["PresetKit"]
    ),
    .executableTarget(
      name: "presetctl-bench", dependencies: ["PresetKit", "OpenRouterFake", "CYaml"] + layers,
      exclude: ["BENCHMARKS.md"]
    ),
    // Test support: an in-process fake of OpenRouter's preset API; never part of the product.
    .target(name: "OpenRouterFake", dependencies: ["PresetKit"] + layers),
    .executableTarget(name: "fake-openrouter", dependencies: ["OpenRouterFake"]),
    .executableTarget(name: "presetctl-schemagen", dependencies: ["PresetKit"] + layers),
    .testTarget(
      name: "PresetKitTests",
      dependencies: ["PresetKit", "OpenRouterFake"] + layers
    ),
  ]
)
