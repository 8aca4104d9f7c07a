import Foundation
import OpenRouterFake

// Runs the fake OpenRouter preset API by hand for local walkthroughs:
//   swift run fake-openrouter --port 8787 --key test-key [--latency-ms N] [--ui-defaults]

let usage = "usage: fake-openrouter [--port N] [--key KEY] [--latency-ms N] [--ui-defaults]"
var options = FakeOpenRouter.Options(port: 8787)
var arguments = CommandLine.arguments.dropFirst()

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("fake-openrouter: \(message)\n\(usage)\n".utf8))
  exit(2)
}

while let argument = arguments.popFirst() {
  switch argument {
  case "--port":
    guard let value = arguments.popFirst(), let port = UInt16(value) else { fail("--port needs a number") }
    options.port = port
  case "--key":
    guard let value = arguments.popFirst(), !value.isEmpty else { fail("--key needs a value") }
    options.apiKey = value
  case "--latency-ms":
    guard let value = arguments.popFirst(), let milliseconds = Int(value), milliseconds >= 0 else {
      fail("--latency-ms needs a number")
    }
    options.latency = TimeInterval(milliseconds) / 1000
  case "--ui-defaults":
    options.addUIDefaults = true
  case "-h", "--help":
    print(usage)
    exit(0)
  default:
    fail("unknown argument \(argument)")
  }
}

let fake = FakeOpenRouter(options: options)
do {
  try fake.start()
} catch {
  fail(error.description)
}
// Written through FileHandle so the line appears at once even when stdout is a pipe.
FileHandle.standardOutput.write(Data("\(fake.baseURL.absoluteString)\n".utf8))
FileHandle.standardError.write(Data("fake OpenRouter listening (key: \(options.apiKey)); stop with Ctrl-C\n".utf8))
while true { sleep(3600) }
