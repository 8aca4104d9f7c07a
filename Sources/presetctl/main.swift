import Foundation
import PresetKit

let context = CommandLineTool.Context(
  environment: ProcessInfo.processInfo.environment,
  console: .standard(environment: ProcessInfo.processInfo.environment), confirmation: .standard)
exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), context: context))
