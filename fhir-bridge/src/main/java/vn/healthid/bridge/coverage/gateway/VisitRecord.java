package vn.healthid.bridge.coverage.gateway;

import java.time.LocalDateTime;

/** One treatment-history item of {@code Lskcb2025}. lyDoVV: 1 in-network, 2 emergency, 3 out-of-network, 4 nationwide. */
public record VisitRecord(
        String maHoSo,
        String maCskcb,
        LocalDateTime ngayVao,
        LocalDateTime ngayRa,
        String tenBenh,
        String tinhTrang,
        String kqDieuTri,
        String lyDoVv) {}
