package vn.qualityledger.api.common;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who issued a command, as every event it produced records it in its metadata (flat keys, so that any serializer and
 * any consumer reads them the same): {@code actorId}, {@code actorName}, {@code actorRoles} (comma-separated),
 * {@code actorUnit}, {@code actorOrganisation}. All five are always present; an absent unit or organisation is "".
 *
 * @param organisation the organisation the user belongs to; null for province-level users
 * @param unit         the user's unit (for unit roles), e.g. {@code VP}
 */
public record Actor(String id, String name, List<Role> roles, String organisation, String unit) {

    public static final String ID = "actorId";
    public static final String NAME = "actorName";
    public static final String ROLES = "actorRoles";
    public static final String ORGANISATION = "actorOrganisation";
    public static final String UNIT = "actorUnit";

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public Map<String, String> toMetaData() {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put(ID, id);
        metaData.put(NAME, name);
        metaData.put(ROLES, String.join(",", roles.stream().map(Role::name).toList()));
        metaData.put(ORGANISATION, organisation == null ? "" : organisation);
        metaData.put(UNIT, unit == null ? "" : unit);
        return metaData;
    }

    /** The actor recorded in a message's metadata, or null when it records none. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object id = metaData.get(ID);
        if (id == null) {
            return null;
        }
        Object roles = metaData.get(ROLES);
        List<Role> parsed = roles == null || roles.toString().isBlank() ? List.of()
                : Arrays.stream(roles.toString().split(",")).map(Role::valueOf).toList();
        return new Actor(id.toString(), text(metaData.get(NAME)), parsed, text(metaData.get(ORGANISATION)), text(metaData.get(UNIT)));
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}
