package vn.qualityledger.query.web;

import java.util.List;

/** One page of a list read, with what a client needs to ask for the next. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    public static <T> PageResponse<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageResponse<>(content, page, size, totalElements, (totalElements + size - 1) / size);
    }
}
