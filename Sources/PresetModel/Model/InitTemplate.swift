/// The starter repository `presetctl init` writes: one preset per skin, folder defaults, a `presetctl.yaml` with a
/// commented policy and environments, and the CI workflow. It validates as written (a test keeps it so).
///
/// Every byte is fixed here, so two inits give identical trees; the workflow is the committed CI example
/// (`InitTemplate.workflow`, checked against `.ci/github-workflow.yml` by a test).
package enum InitTemplate {
  /// One file of the starter tree.
  package struct File: Sendable, Equatable {
    /// The path below DIR, with `/` separators.
    package var path: String
    /// The text.
    package var text: String
  }

  /// The preset folder below DIR; the workflow's `PRESETS` names the same folder.
  package static let presetsFolder = "presets"

  /// Every file, in the order they are written.
  package static var files: [File] {
    [
      File(path: ".github/workflows/presets.yml", text: workflow),
      File(path: "\(presetsFolder)/presetctl.yaml", text: config),
      File(path: "\(presetsFolder)/_defaults.yaml", text: defaults),
      File(path: "\(presetsFolder)/example-chat.yaml", text: chat),
      File(path: "\(presetsFolder)/example-messages.yaml", text: messages),
      File(path: "\(presetsFolder)/example-responses.yaml", text: responses),
    ]
  }

  static let config = """
    # presetctl settings for this preset tree: environments, organisation policy, prompt lint.
    # See the presetctl README ("Environments", "Policy and prompt lint") for every key.

    # Each environment compiles every preset with its own slug and overrides; `presetctl plan --env staging`.
    environments:
      staging:
        slug: "{slug}-staging"         # staging presets live beside production ones under another slug
        request:
          provider:
            sort: price                # overrides merge into every preset's request
      production:
        default: true                  # owns the plain slugs; commands without --env compile for it

    # Organisation rules, checked by `presetctl validate` before anything is deployed.
    policy:
      rules:
        - name: approved-models
          models: ["openai/*", "anthropic/*", "google/*", "!*:free"]
        - name: sane-sampling
          severity: warning            # a finding, not a failure
          max_temperature: 1.2
          require_description: true
        # - name: customer-data-stays-private
        #   files: ["presets/support/**"]
        #   require_provider: { data_collection: deny, zdr: true }

    # Prompt lint: warnings unless configured as errors (secrets are errors by default).
    lint:
      placeholders: error
      max_prompt_tokens: { limit: 2000, severity: warning }

    """

  static let defaults = """
    # Merged into every preset below this folder (a preset's own keys win).
    request:
      provider:
        data_collection: deny          # providers that keep prompts are never used

    """

  static let chat = """
    # An OpenAI Chat Completions body; the system message is the preset's system prompt.
    slug: example-chat
    skin: chat
    description: Answers product questions in two sentences.
    request:
      model: openai/gpt-5.4-mini
      temperature: 0.3
      max_tokens: 400
      messages:
        - role: system
          content: You answer questions about our product in at most two sentences.

    """

  static let messages = """
    # An Anthropic Messages body; top-level `system` is the preset's system prompt.
    slug: example-messages
    skin: messages
    description: Summarises support tickets for the next agent.
    request:
      model: anthropic/claude-4.6-haiku
      max_tokens: 600
      system: |
        You summarise a support ticket for the next agent: the problem, what was tried, what is still open.

    """

  static let responses = """
    # An OpenAI Responses body; `instructions` is the preset's system prompt.
    slug: example-responses
    skin: responses
    description: Drafts release-note bullet points.
    request:
      model: openai/gpt-5.4
      max_output_tokens: 500
      instructions: Turn the merged pull requests you are given into short release-note bullet points.

    """
}
