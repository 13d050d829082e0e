package vn.healthid.bridge.telehealth.access;

import org.springframework.boot.context.properties.bind.DefaultValue;

/** Minimum LoA per operation ({@code healthid.telehealth.min-loa.book=2}, ...). */
public record MinLoa(
        @DefaultValue("2") int book,
        @DefaultValue("2") int join,
        @DefaultValue("1") int read,
        @DefaultValue("1") int search,
        @DefaultValue("1") int cancel,
        @DefaultValue("2") int update) {

    public int of(Operation operation) {
        return switch (operation) {
            case BOOK -> book;
            case JOIN -> join;
            case READ -> read;
            case SEARCH -> search;
            case CANCEL -> cancel;
            case UPDATE -> update;
            case REDEEM -> 0;
        };
    }
}
