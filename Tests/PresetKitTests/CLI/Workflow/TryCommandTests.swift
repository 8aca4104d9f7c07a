import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// `presetctl try` against the fake's inference endpoints, in every format, with hostile server strings.
@Suite struct TryCommandTests {
  static let presets: [String: String] = [
    "presets/chat.yaml": """
    slug: chat-one
    skin: chat
    request:
      model: openai/gpt-5.4
      temperature: 0.2
      messages:
        - {role: system, content: "Be brief."}
        - {role: user, content: "ignored turn"}

    """,
    "presets/messages.yaml": """
    slug: messages-one
    skin: messages
    request:
      model: anthropic/claude-4.6-sonnet
      max_tokens: 100
      system: Refunds only.

    """,
    "presets/responses.yaml": """
    slug: responses-one
    skin: responses
    request:
      model: openai/gpt-5.4-mini
      instructions: Posts.

    """,
  ]

  static let cases: [(slug: String, path: String, model: String, system: String)] = [
    ("chat-one", "/chat/completions", "openai/gpt-5.4", "Be brief."),
    ("messages-one", "/messages", "anthropic/claude-4.6-sonnet", "Refunds only."),
    ("responses-one", "/responses", "openai/gpt-5.4-mini", "Posts."),
  ]

  @Test func textJSONAndMarkdownForAllThreeSkins() throws {
    let f = try ReconcileFixture(Self.presets)
    defer { f.stop() }
    for c in Self.cases {
      let expectedReply = "Echo (\(c.model), \(c.system.count) system chars): hello there"
      let text = try f.run(["try", c.slug, "--message", "hello there"])
      #expect(text.status == 0, "\(text.stderr)")
      #expect(text.stdout.hasPrefix(expectedReply + "\n\n"), "\(text.stdout)")
      #expect(text.stdout.contains("model     \(c.model)\n"))
      #expect(text.stdout.contains("provider  FakeProvider\n"))
      #expect(text.stdout.contains("tokens    "))
      #expect(text.stdout.contains("cost      $"))
      #expect(text.stderr.contains("not pushed"))

      let json = try f.run(["try", c.slug, "--message", "hello there", "--format", "json"])
      #expect(json.status == 0, "\(json.stderr)")
      let parsed = try JSONParser.parse(Array(json.stdout.utf8))
      #expect(parsed["reply"]?.stringValue == expectedReply)
      #expect(parsed["model"]?.stringValue == c.model)
      #expect(parsed["provider"]?.stringValue == "FakeProvider")
      #expect(parsed["endpoint"]?.stringValue == c.path)
      #expect(parsed["usage"]?["total_tokens"]?.numberValue != nil)
      #expect(parsed["usage"]?["cost"]?.numberValue != nil)

      let markdown = try f.run(["try", c.slug, "--message", "hello there", "--format", "markdown"])
      #expect(markdown.status == 0)
      #expect(markdown.stdout.contains("```text\n" + expectedReply + "\n```\n"), "\(markdown.stdout)")

      let streamed = try f.run(["try", c.slug, "--message", "hello there", "--stream"])
      #expect(streamed.status == 0, "\(streamed.stderr)")
      #expect(streamed.stdout == text.stdout, "stream:\n\(streamed.stdout)\nwhole:\n\(text.stdout)")

      // The body is the local preset plus the user turn; a stream is asked for only with --stream.
      let posts = f.fake.requests(method: "POST", path: c.path)
      #expect(posts.count == 4)
      let sent = posts[0].bodyJSON
      #expect(sent?["model"]?.stringValue == c.model)
      #expect(sent?["stream"] == nil)
      #expect(posts[3].bodyJSON?["stream"] == .bool(true))
      let bodyText = String(decoding: posts[0].body, as: UTF8.self)
      #expect(bodyText.contains(c.system) && bodyText.contains("hello there") && !bodyText.contains("ignored turn"))
    }
    #expect(f.fake.requests(path: "/presets*").isEmpty, "try must not touch the preset API")
  }

  @Test func hostileReplyStringsAreNeutralisedInEveryFormat() throws {
    let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}evil\r\n```\n| cell | `x` <b>"
    let f = try ReconcileFixture([
      "presets/h.yaml": """
      slug: hostile
      skin: chat
      request:
        model: "evil\\e[31m/model"
        messages: [{role: system, content: "x"}]

      """
    ])
    defer { f.stop() }
    let message = ["--input", "msg.txt"]
    try f.repo.write("msg.txt", hostile)
    for format in ["text", "markdown", "json"] {
      for stream in format == "text" ? [false, true] : [false] {
        let run = try f.run(["try", "hostile", "--format", format] + message + (stream ? ["--stream"] : []))
        #expect(run.status == 0, "\(run.stderr)")
        for bad in ["\u{1B}", "\u{07}", "\u{202E}", "\r"] {
          #expect(!run.stdout.contains(bad), "\(format) stream=\(stream) leaks \(bad.unicodeScalars.first!.value)")
        }
        if format == "markdown" {
          // The reply's own fence cannot close the block: the fence is longer than any backtick run inside.
          #expect(run.stdout.contains("````text\n"))
        }
        if format == "json" {
          #expect((try? JSONParser.parse(Array(run.stdout.utf8)))?["reply"]?.stringValue?.contains("\u{202E}") == true)
        }
      }
    }
  }

  @Test func inferenceIsNotRetriedOnceItMayHaveReachedTheServer() throws {
    let f = try ReconcileFixture(Self.presets)
    defer { f.stop() }
    f.fake.inject(.status(500), method: "POST", path: "/chat/completions")
    let failed = try f.run(["try", "chat-one", "--message", "hi"])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("500"), "\(failed.stderr)")
    #expect(f.fake.requests(method: "POST", path: "/chat/completions").count == 1)

    f.fake.inject(.resetAfterApply, method: "POST", path: "/messages")
    #expect(try f.run(["try", "messages-one", "--message", "hi"]).status == 1)
    #expect(f.fake.requests(method: "POST", path: "/messages").count == 1)

    f.fake.inject(.status(429, retryAfter: 0), method: "POST", path: "/responses")
    let retried = try f.run(["try", "responses-one", "--message", "hi"])
    #expect(retried.status == 0, "\(retried.stderr)")
    #expect(f.fake.requests(method: "POST", path: "/responses").count == 2)
  }

  @Test func usageErrors() throws {
    let f = try ReconcileFixture(Self.presets)
    defer { f.stop() }
    #expect(try f.run(["try", "chat-one"]).stderr.contains("--message TEXT or --input FILE"))
    #expect(try f.run(["try", "chat-one", "--message", "a", "--input", "b"]).status == 1)
    let unknown = try f.run(["try", "chat-onee", "--message", "a"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("did you mean `chat-one`"))
    #expect(try f.run(["try", "--help"]).stdout.contains("presetctl try"))
    #expect(f.fake.requests(method: "POST").isEmpty)
  }
}
