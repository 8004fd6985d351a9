// CYaml is the libyaml copy that Yams builds; it is reached through the Yams dependency.
import CYaml
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Refuses YAML whose aliases would expand into an enormous document ("billion laughs"). Yams
/// shares aliased nodes, so composing is cheap, but comparing or walking the expanded tree is
/// not; counting the expansion on libyaml's event stream first keeps both bounded.
package enum AliasExpansionGuard {
    package static let limit = 10_000

    /// The line and column of the alias that pushes the document past `limit` values, if any.
    package static func firstExcessiveAlias(in yaml: String) -> (line: Int, column: Int)? {
        // Without both an anchor and an alias indicator there is nothing to expand.
        guard yaml.utf8.contains(UInt8(ascii: "&")), yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (Int, Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            // Values counted in each open sequence or mapping, with its anchor.
            var open: [(anchor: String?, count: Int)] = []
            var total = 0
            func add(_ count: Int) {
                total += count
                if !open.isEmpty { open[open.count - 1].count += count }
            }
            while true {
                var event = yaml_event_t()
                // Syntax errors are left for the real parse to report with its own message.
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    add(1)
                    if let anchor = event.data.scalar.anchor { sizes[String(cString: anchor)] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((event.data.sequence_start.anchor.map { String(cString: $0) }, 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((event.data.mapping_start.anchor.map { String(cString: $0) }, 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { break }
                    if let anchor = closed.anchor { sizes[anchor] = closed.count }
                    add(closed.count)
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    add(sizes[name] ?? 1)
                    if total > limit {
                        return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                    }
                default:
                    break
                }
            }
        }
    }
}
