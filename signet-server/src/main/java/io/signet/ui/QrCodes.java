package io.signet.ui;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.signet.error.SignetException;

/**
 * QR codes as SVG, drawn on the server so the page needs no QR library: the authenticator-app enrolment
 * shows the {@code otpauth://} URI the Client API returned (#18). Only such URIs are drawn, so this is no
 * general-purpose QR service.
 */
final class QrCodes {
    static final int MAX_TEXT = 1024;
    private static final int QUIET_ZONE = 4; // modules of margin, as ISO/IEC 18004 asks

    private QrCodes() {
    }

    record Request(String text) {
    }

    record Response(String svg) {
    }

    static Response otpauth(Request r) {
        String text = r.text();
        if (text == null || !text.startsWith("otpauth://") || text.length() > MAX_TEXT) {
            throw SignetException.invalid("'text' must be an otpauth:// URI of at most " + MAX_TEXT
                    + " characters, as the authenticator-app enrolment returns it.");
        }
        QrCode qr;
        try {
            qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        } catch (DataTooLongException e) {
            throw SignetException.invalid("'text' is too long for a QR code.");
        }
        return new Response(svg(qr));
    }

    /** One path of unit squares, black on white, with the quiet zone; crisp at any size. */
    static String svg(QrCode qr) {
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
