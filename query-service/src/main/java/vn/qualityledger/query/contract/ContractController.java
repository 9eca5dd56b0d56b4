package vn.qualityledger.query.contract;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.query.web.NotFoundException;

/**
 * The published contract of the event feed: the JSON Schema of every event type at every revision ever published, the
 * AsyncAPI document, and an index of both. They are the committed files of shared-api, served as they are. Any
 * signed-in user may read them (they describe the data, they are not data); the feed itself is for FEED_CONSUMER.
 *
 * <p>A schema's {@code $id} (and each event's CloudEvents {@code dataschema}) is {@code https://qualityledger.vn/schemas/…};
 * the same file is here at {@code /api/feed/schemas/…}.
 */
@RestController
@RequestMapping("/api/feed")
public class ContractController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    /** RFC 9512. */
    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private static final Pattern SCHEMA_FILE = Pattern.compile("([A-Z][A-Za-z]*)\\.v([1-9][0-9]{0,5})\\.schema\\.json");
    /** A published schema never changes in what it validates; a day's caching spares consumers the round trips. */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofDays(1));

    @GetMapping("/schemas")
    public SchemaIndex index() {
        List<SchemaIndex.EventType> types = EventContract.EVENTS.stream()
                .map(event -> {
                    String name = EventContract.typeName(event);
                    List<SchemaIndex.Revision> revisions = EventContract.publishedRevisions(event).stream()
                            .map(revision -> new SchemaIndex.Revision(revision, EventContract.cloudEventType(name, revision),
                                    EventContract.schemaUri(name, revision).toString(), url(EventContract.schemaPath(name, revision))))
                            .toList();
                    return new SchemaIndex.EventType(name, feature(name), EventContract.revision(event), revisions);
                })
                .sorted(Comparator.comparing(SchemaIndex.EventType::name))
                .toList();
        return new SchemaIndex(EventContract.SCHEMA_ID_BASE, url("asyncapi.yaml"), types);
    }

    @GetMapping("/schemas/{feature}/{file}")
    public ResponseEntity<Resource> schema(@PathVariable String feature, @PathVariable String file) {
        Matcher name = SCHEMA_FILE.matcher(file);
        String revision = name.matches() ? name.group(2) : null;
        String typeName = name.matches() ? "vn.qualityledger." + feature + "." + name.group(1) : null;
        boolean published = typeName != null && EventContract.byTypeName(typeName)
                .filter(event -> EventContract.publishedRevisions(event).contains(revision)).isPresent();
        if (!published) {
            throw new NotFoundException("No published event schema " + feature + "/" + file + "; GET /api/feed/schemas lists them");
        }
        Resource schema = new ClassPathResource(EventContract.schemaPath(typeName, revision));
        if (!schema.exists()) {
            // A published revision whose file is gone: shared-api's tests forbid it, so this is a broken build.
            throw new IllegalStateException("schema file missing for " + typeName + " revision " + revision);
        }
        return ResponseEntity.ok().contentType(SCHEMA_JSON).cacheControl(CACHING).body(schema);
    }

    @GetMapping("/asyncapi.yaml")
    public ResponseEntity<Resource> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CACHING).body(new ClassPathResource("asyncapi.yaml"));
    }

    private static String feature(String typeName) {
        return typeName.split("\\.")[2];
    }

    private static String url(String pathUnderFeed) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/feed/").path(pathUnderFeed).toUriString();
    }
}
