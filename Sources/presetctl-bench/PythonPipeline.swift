import Foundation

/// The Python pipeline the issue compares against: PyYAML's C loader, `jsonschema` (2020-12) against the skin
/// schemas, RFC 8785 (`rfc8785`) and SHA-256 (`hashlib`) per preset, plus for `build` the bundle (sorted entries,
/// digest over their canonical JSON, pretty JSON file). It approximates presetctl's work (no defaults merge,
/// simpler normalisation), the way a script would do it; single-threaded, as such scripts are.
enum PythonPipeline {
  /// Why the Python row is skipped, or nil when python3 has every module (and PyYAML its C loader).
  static func unavailableReason() -> String? {
    let probe =
      "import yaml, jsonschema, rfc8785\nassert yaml.__with_libyaml__, 'PyYAML without libyaml'\nyaml.CSafeLoader"
    guard let run = try? ChildProcess(path: "/usr/bin/env", arguments: ["python3", "-c", probe]).run() else {
      return "python3 could not be started"
    }
    guard run.status == 0 else {
      let last = run.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(run.status)"
      return "python3 lacks PyYAML (with its C loader), jsonschema or rfc8785: \(last)"
    }
    return nil
  }

  /// Writes the script into `folder` and returns the command that runs `mode` (`validate` or `build`).
  static func command(mode: String, presets: String, schemas: String, output: String, folder: String) throws(BenchError)
    -> ChildProcess
  {
    let path = folder + "/presetctl-bench-pipeline.py"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data(script.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw BenchError.failed("cannot write \(path): \(error)")
    }
    return ChildProcess(path: "/usr/bin/env", arguments: ["python3", path, mode, presets, schemas, output])
  }

  static let script = #"""
    import hashlib, json, os, sys
    import jsonschema, rfc8785, yaml

    mode, root, schemas, output = sys.argv[1:5]
    files = {"chat": "chat-completions.schema.json", "messages": "messages.schema.json",
             "responses": "responses.schema.json"}
    validators = {}
    for skin, name in files.items():
        with open(os.path.join(schemas, name), encoding="utf-8") as f:
            validators[skin] = jsonschema.Draft202012Validator(json.load(f))
    prompt_keys = ("messages", "system", "instructions")
    entries, violations = [], 0
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".yaml") or name.startswith("_") or name == "presetctl.yaml":
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                documents = list(yaml.load_all(f, Loader=yaml.CSafeLoader))
            for doc in documents:
                if not isinstance(doc, dict) or "slug" not in doc:
                    continue
                request = dict(doc.get("request") or {})
                prompt = None
                if "system_prompt_file" in doc:
                    with open(os.path.join(folder, doc["system_prompt_file"]), encoding="utf-8") as f:
                        prompt = f.read().replace("\r\n", "\n")
                skin = doc.get("skin", "chat")
                violations += sum(1 for _ in validators[skin].iter_errors(request))
                config = {k: v for k, v in request.items() if k not in prompt_keys}
                model = {"config": config, "system_prompt": prompt}
                version = "sha256:" + hashlib.sha256(rfc8785.dumps(model)).hexdigest()
                entries.append({"slug": doc["slug"], "skin": skin, "version": version, "model": model,
                                "request": {"method": "POST", "body": request}})
    if mode == "build":
        entries.sort(key=lambda e: e["slug"])
        digest = "sha256:" + hashlib.sha256(rfc8785.dumps(entries)).hexdigest()
        bundle = {"format": "python-pipeline", "digest": digest, "presets": entries}
        with open(output, "w", encoding="utf-8") as f:
            json.dump(bundle, f, indent=2, sort_keys=True, ensure_ascii=False)
            f.write("\n")
    print(f"{len(entries)} presets, {violations} schema violations", file=sys.stderr)
    """#
}
