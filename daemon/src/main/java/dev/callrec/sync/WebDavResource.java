package dev.callrec.sync;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a Depth 0 PROPFIND tells about one resource: whether it is a folder, its size, its ETag, and the
 * checksums ownCloud and Nextcloud keep ({@code oc:checksums}); -1 for a size the server did not give.
 */
record WebDavResource(boolean collection, long size, String etag, Map<String, String> checksums) {
  static final String DAV = "DAV:";
  static final String OWNCLOUD = "http://owncloud.org/ns";

  /** Asks only for what {@link #parse} reads: a server may otherwise send every dead property it holds. */
  static final String PROPFIND_BODY = """
      <?xml version="1.0" encoding="utf-8"?>
      <d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
        <d:prop><d:resourcetype/><d:getcontentlength/><d:getetag/><oc:checksums/></d:prop>
      </d:propfind>
      """;

  /** Reads the first {@code response} of a 207 Multi-Status body, only from its propstats with status 200. */
  static WebDavResource parse(String multistatus) throws IOException {
    Element response = firstElement(document(multistatus).getDocumentElement(), DAV, "response");
    if (response == null) {
      throw new IOException("The Multi-Status answer holds no response");
    }
    boolean collection = false;
    long size = -1;
    String etag = null;
    Map<String, String> checksums = Map.of();
    NodeList propstats = response.getElementsByTagNameNS(DAV, "propstat");
    for (int i = 0; i < propstats.getLength(); i++) {
      Element propstat = (Element) propstats.item(i);
      Element status = firstElement(propstat, DAV, "status");
      Element prop = firstElement(propstat, DAV, "prop");
      if (prop == null || status == null || !status.getTextContent().matches("\\s*HTTP/\\S+\\s+2\\d\\d.*")) {
        continue;
      }
      Element type = firstElement(prop, DAV, "resourcetype");
      if (type != null && firstElement(type, DAV, "collection") != null) {
        collection = true;
      }
      Element length = firstElement(prop, DAV, "getcontentlength");
      if (length != null && !length.getTextContent().isBlank()) {
        try {
          size = Long.parseLong(length.getTextContent().trim());
        } catch (NumberFormatException e) {
          throw new IOException("The server gave a size that is not a number: " + length.getTextContent(), e);
        }
      }
      Element tag = firstElement(prop, DAV, "getetag");
      if (tag != null) {
        etag = tag.getTextContent().trim();
      }
      Element sums = firstElement(prop, OWNCLOUD, "checksums");
      if (sums != null) {
        checksums = FileChecksums.parse(sums.getTextContent());
      }
    }
    return new WebDavResource(collection, size, etag, checksums);
  }

  private static Document document(String xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (SAXException e) {
      throw new IOException("The server's Multi-Status answer is not valid XML: " + e.getMessage(), e);
    }
  }

  private static Element firstElement(Element parent, String namespace, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
  }
}
