package io.signet.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a growth curve as a small PNG with the JDK's own imaging (headless AWT, no dependency): two panels,
 * throughput as a ratio to the run's baseline and p99 latency, one line per backend over the same x values.
 */
final class Plot {
    private static final int PANEL_W = 360;
    private static final int H = 260;
    private static final int MARGIN = 48;
    private static final Color[] LINES = {new Color(0x1f77b4), new Color(0xd62728)};

    private Plot() {
    }

    static void write(Path file, String title, List<Curve> curves) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * PANEL_W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, 16);
        panel(g, 0, "× baseline (req/s)", curves, p -> p.m().ratioToBaseline() == null ? Double.NaN : p.m().ratioToBaseline());
        panel(g, PANEL_W, "p99 ms", curves, p -> p.m().p99Ms());
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int left, String label, List<Curve> curves, ToDoubleFunction<Curve.Point> y) {
        int x0 = left + MARGIN;
        int x1 = left + PANEL_W - 16;
        int y0 = H - 40;
        int y1 = 44;
        double max = curves.stream().flatMap(c -> c.points().stream()).mapToDouble(y).filter(v -> !Double.isNaN(v))
                .max().orElse(1);
        max = max <= 0 ? 1 : max * 1.15;
        g.setColor(Color.GRAY);
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0, x0, y1);
        g.drawString(label, x0, y1 - 10);
        for (int t = 0; t <= 4; t++) {
            int ty = y0 - (y0 - y1) * t / 4;
            g.drawString(String.format(Locale.ROOT, max * t / 4 >= 10 ? "%.0f" : "%.2f", max * t / 4), left + 4, ty + 4);
        }
        int n = curves.stream().mapToInt(c -> c.points().size()).max().orElse(1);
        for (int ci = 0; ci < curves.size(); ci++) {
            Curve c = curves.get(ci);
            g.setColor(LINES[ci % LINES.length]);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < c.points().size(); i++) {
                Curve.Point p = c.points().get(i);
                int x = x0 + (n == 1 ? (x1 - x0) / 2 : (x1 - x0 - 20) * i / (n - 1) + 10);
                if (ci == 0) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(p.x(), x - 12, y0 + 14);
                    g.setColor(LINES[ci % LINES.length]);
                }
                double v = y.applyAsDouble(p);
                if (Double.isNaN(v)) {
                    continue;
                }
                int vy = y0 - (int) ((y0 - y1) * v / max);
                g.fillOval(x - 3, vy - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, x, vy);
                }
                px = x;
                py = vy;
            }
            g.drawString(c.backend(), x1 - 60, y1 + 12 + 14 * ci);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(curves.isEmpty() ? "" : curves.getFirst().xAxis(), x0 + (x1 - x0) / 2 - 30, H - 8);
    }
}
