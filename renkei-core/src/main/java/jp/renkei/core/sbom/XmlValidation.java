package jp.renkei.core.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Validates a CycloneDX XML document against its XSD and says where each problem is: line, column
 * and the element path ({@code /bom/components/component[3]/type}). DTDs are refused outright, so
 * a file cannot make the parser read other files or expand entities.
 */
final class XmlValidation {

    private static final int MAX_PROBLEMS = 20;

    private XmlValidation() {
    }

    /** The namespace of the root element, or the problem that stops the file from being read at all. */
    static Result<String> rootNamespace(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                reader.nextTag();
                return Result.ok(Optional.ofNullable(reader.getNamespaceURI()).orElse(""));
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            return Result.problem(new SbomProblem(where, "not well-formed XML: " + e.getMessage()));
        }
    }

    /** Every problem (at most {@value #MAX_PROBLEMS}) the schema finds; empty when the file is valid. */
    static List<SbomProblem> validate(byte[] content, Schema schema) {
        List<SbomProblem> problems = new ArrayList<>();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            ValidatorHandler validator = schema.newValidatorHandler();
            ElementPath path = new ElementPath(validator);
            ErrorHandler collect = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    problems.add(new SbomProblem(path.where(e), e.getMessage()));
                    if (problems.size() >= MAX_PROBLEMS) {
                        throw e;
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    problems.add(new SbomProblem(path.where(e), e.getMessage()));
                    throw e;
                }
            };
            validator.setErrorHandler(collect);
            reader.setErrorHandler(collect);
            reader.setContentHandler(path);
            reader.parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(new SbomProblem("", e.getMessage()));
            }
        } catch (IOException | ParserConfigurationException e) {
            problems.add(new SbomProblem("", "could not be read: " + e.getMessage()));
        }
        return problems;
    }

    /** A value or the one problem that prevented it. */
    record Result<T>(Optional<T> value, Optional<SbomProblem> problem) {
        static <T> Result<T> ok(T value) {
            return new Result<>(Optional.of(value), Optional.empty());
        }

        static <T> Result<T> problem(SbomProblem problem) {
            return new Result<>(Optional.empty(), Optional.of(problem));
        }
    }

    /**
     * Passes SAX events on to the validator while keeping the path of open elements, so an error
     * raised while the validator handles an element is reported with that element's path.
     */
    private static final class ElementPath extends XMLFilterImpl {

        // Elements that come in lists get their position even when first, so paths read like /bom/components/component[1].
        private static final Set<String> LISTED = Set.of("component", "vulnerability", "service", "hash", "license",
                "dependency", "target", "property", "reference", "tool");

        private final Deque<String> open = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();

        ElementPath(ValidatorHandler validator) {
            setContentHandler(validator);
            siblings.push(new HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int n = siblings.peek().merge(localName, 1, Integer::sum);
            open.addLast(LISTED.contains(localName) || n > 1 ? localName + "[" + n + "]" : localName);
            siblings.push(new HashMap<>());
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            open.removeLast();
            siblings.pop();
        }

        String where(SAXParseException e) {
            String element = open.isEmpty() ? "" : ", element /" + String.join("/", open);
            return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + element;
        }
    }
}
