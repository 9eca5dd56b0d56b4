package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in Vietnamese (messages.properties, the default) and in English. */
class MessageBundlesTest {

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        Properties vietnamese = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        Set<String> onlyVietnamese = new TreeSet<>(vietnamese.stringPropertyNames());
        onlyVietnamese.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(vietnamese.stringPropertyNames());
        assertThat(onlyVietnamese).as("keys missing from messages_en.properties").isEmpty();
        assertThat(onlyEnglish).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void noTextIsBlankAndTheDefaultIsVietnamese() throws IOException {
        Properties vietnamese = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        for (Properties bundle : new Properties[] {vietnamese, english}) {
            bundle.stringPropertyNames().forEach(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
        assertThat(vietnamese.getProperty("login.error")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng");
        assertThat(vietnamese.getProperty("nav.work")).isEqualTo("Việc của đơn vị");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
