package dev.callrec.platform.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class LaunchAgentTest {
  @TempDir
  Path home;

  private LaunchAgent agent(Path jar) {
    return new LaunchAgent(home, new LaunchCommand(null, Path.of("/usr/bin/java"), jar));
  }

  private Path jar(String folder) throws IOException {
    return Files.createFile(Files.createDirectories(home.resolve(folder)).resolve("callrec.jar"));
  }

  /** The top-level dict, key to element, read with the JDK's parser and without fetching Apple's DTD. */
  private Map<String, Element> plist() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root = factory.newDocumentBuilder()
        .parse(home.resolve("Library/LaunchAgents/dev.callrec.daemon.plist").toFile()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("plist");
    Map<String, Element> dict = new LinkedHashMap<>();
    List<Element> children = elements(elements(root).get(0));
    for (int i = 0; i < children.size(); i += 2) {
      assertThat(children.get(i).getTagName()).isEqualTo("key");
      dict.put(children.get(i).getTextContent(), children.get(i + 1));
    }
    return dict;
  }

  private static List<Element> elements(Node parent) {
    List<Element> elements = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  @Test
  void writesALaunchAgentThatRunsTheDaemonOnceAtLogin() throws Exception {
    Path jar = jar("Apps & <Tools> \"x\"");
    agent(jar).enable();
    Map<String, Element> plist = plist();
    assertThat(plist.keySet()).containsExactly("Label", "ProgramArguments", "RunAtLoad", "KeepAlive", "ProcessType");
    assertThat(plist.get("Label").getTextContent()).isEqualTo("dev.callrec.daemon");
    assertThat(elements(plist.get("ProgramArguments")).stream().map(Element::getTextContent))
        .containsExactly("/usr/bin/java", "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString(), "run");
    assertThat(plist.get("RunAtLoad").getTagName()).isEqualTo("true");
    assertThat(plist.get("KeepAlive").getTagName()).isEqualTo("false");
    assertThat(plist.get("ProcessType").getTextContent()).isEqualTo("Interactive");
    assertThat(agent(jar).describe()).isEqualTo("~/Library/LaunchAgents/dev.callrec.daemon.plist");
  }

  @Test
  void enableIsIdempotentAndDisableRemovesTheAgent() throws Exception {
    LaunchAgent agent = agent(jar("apps"));
    assertThat(agent.enabled()).isFalse();
    agent.enable();
    agent.enable();
    assertThat(agent.enabled()).isTrue();
    try (var files = Files.list(home.resolve("Library/LaunchAgents"))) {
      assertThat(files).containsExactly(home.resolve("Library/LaunchAgents/dev.callrec.daemon.plist"));
    }
    agent.disable();
    assertThat(agent.enabled()).isFalse();
    agent.disable();
  }
}
