package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QueryServiceApplicationTest {

    @Test
    void tellsTodayAsItIsInHoChiMinhCity() {
        assertThat(new QueryServiceApplication().clock().getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
