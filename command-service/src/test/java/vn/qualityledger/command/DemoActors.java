package vn.qualityledger.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;

/**
 * The demo users of quality-ledger-security.yml as actors of an organisation, plus a secretary of another one: whom the
 * permission tests run every command against.
 */
public final class DemoActors {

    public static final String OTHER_ORGANISATION = "SYT-HD";

    private DemoActors() {
    }

    /** By user name, in a stable order. */
    public static Map<String, Actor> of(String organisation) {
        Map<String, Actor> users = new LinkedHashMap<>();
        users.put("admin", new Actor("admin", "Quản trị hệ thống", List.of(Role.ADMIN), organisation, null));
        users.put("thuky", new Actor("thuky", "Nguyễn Thị Thư", List.of(Role.ISO_SECRETARY), organisation, "TK-ISO"));
        users.put("qmr", new Actor("qmr", "Trần Văn Quang", List.of(Role.QMR), organisation, "QMR"));
        users.put("truongvp", new Actor("truongvp", "Lê Thị Vân", List.of(Role.UNIT_HEAD), organisation, "VP"));
        users.put("nhanvienvp", new Actor("nhanvienvp", "Phạm Minh Hiếu", List.of(Role.STAFF), organisation, "VP"));
        users.put("nhanvienkhtc", new Actor("nhanvienkhtc", "Trần Văn Nam", List.of(Role.STAFF), organisation, "P-KHTC"));
        users.put("danhgia", new Actor("danhgia", "Đỗ Thị Đào", List.of(Role.AUDITOR), organisation, "TO-ISO"));
        users.put("danhgiakhtc", new Actor("danhgiakhtc", "Vũ Minh Khoa", List.of(Role.AUDITOR), organisation, "P-KHTC"));
        users.put("xem", new Actor("xem", "Hoàng Văn Xuân", List.of(Role.VIEWER), organisation, null));
        users.put("tinh", new Actor("tinh", "Ban Chỉ đạo ISO tỉnh", List.of(Role.PROVINCE_AUDITOR), null, null));
        users.put("baocao", new Actor("baocao", "Kho dữ liệu tỉnh", List.of(Role.FEED_CONSUMER), organisation, null));
        users.put("thuky-khac", new Actor("thuky-khac", "Thư ký ISO Sở khác", List.of(Role.ISO_SECRETARY), OTHER_ORGANISATION, "TK-ISO"));
        return users;
    }
}
