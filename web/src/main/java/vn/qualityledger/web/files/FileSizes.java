package vn.qualityledger.web.files;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A file's size as people read it ({@code ${@fileSizes.of(f.size)}}): bytes, KB or MB (1,024 each), one decimal, the page's separators. */
@Component("fileSizes")
public class FileSizes {

    public String of(Object bytes) {
        if (bytes == null) {
            return "";
        }
        BigDecimal size = new BigDecimal(bytes.toString());
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        BigDecimal kib = BigDecimal.valueOf(1024);
        if (size.compareTo(kib) < 0) {
            return format.format(size) + " B";
        }
        if (size.compareTo(kib.multiply(kib)) < 0) {
            return format.format(size.divide(kib, 1, RoundingMode.HALF_UP)) + " KB";
        }
        return format.format(size.divide(kib.multiply(kib), 1, RoundingMode.HALF_UP)) + " MB";
    }
}
