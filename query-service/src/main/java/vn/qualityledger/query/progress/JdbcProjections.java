package vn.qualityledger.query.progress;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The JDBC projections there are, found among the beans: what the rebuilds and consistency checks, the past views and
 * the dead-letter queues go by. A new projection is a new {@link JdbcProjection} bean, listed nowhere else.
 */
@Component
public class JdbcProjections {

    private final Map<String, JdbcProjection> byProcessingGroup = new TreeMap<>();

    public JdbcProjections(List<JdbcProjection> projections) {
        for (JdbcProjection projection : projections) {
            JdbcProjection other = byProcessingGroup.put(projection.processingGroup(), projection);
            if (other != null) {
                throw new IllegalStateException(projection.getClass().getName() + " and " + other.getClass().getName()
                        + " share processing group " + projection.processingGroup() + ": a rebuild would replace each other's tables");
            }
        }
    }

    /** Their processing groups, in alphabetical order. */
    public List<String> processingGroups() {
        return List.copyOf(byProcessingGroup.keySet());
    }

    public boolean knows(String processingGroup) {
        return byProcessingGroup.containsKey(processingGroup);
    }

    /** The live projection of {@code processingGroup}. */
    public JdbcProjection get(String processingGroup) {
        JdbcProjection projection = byProcessingGroup.get(processingGroup);
        if (projection == null) {
            throw new IllegalArgumentException("No projection " + processingGroup);
        }
        return projection;
    }

    public List<JdbcProjection> all() {
        return List.copyOf(byProcessingGroup.values());
    }
}
