package vn.qualityledger.query.web;

import java.util.List;

/** One page of a list read, with what a client needs to ask for the next. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    public static <T> PageResponse<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageResponse<>(content, page, size, totalElements, pageCount(totalElements, size));
    }

    /** How many pages of {@code size} the elements fill, the last one perhaps partly. */
    public static long pageCount(long totalElements, int size) {
        return (totalElements + size - 1) / size;
    }
}
