import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document read back by Foundation's XML parser (libxml2 on Linux): the tests check
/// the plots as a real XML reader sees them, not by searching the text.
final class SVGTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

        /// Every element below this one (depth first, document order) named `name`.
        func all(_ name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
        }

        /// The first element below with this `id`.
        func element(id: String) -> Element? {
            for child in children {
                if child.attributes["id"] == id { return child }
                if let found = child.element(id: id) { return found }
            }
            return nil
        }

        /// The text of this element and its descendants, in order.
        var allText: String { text + children.map(\.allText).joined() }

        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    let root: Element

    /// Parses `text`; throws when it is not well-formed XML.
    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(reason: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        self.root = root
    }

    struct ParseError: Error, CustomStringConvertible {
        let reason: String
        var description: String { "not well-formed XML: \(reason)" }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let element = Element(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
