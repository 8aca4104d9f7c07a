import Foundation
import PresetKit

exit(
  CommandLineTool.main(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
