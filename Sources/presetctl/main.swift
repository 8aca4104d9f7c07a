import PresetKit

print("presetctl \(PresetKit.version)")
