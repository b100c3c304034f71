package org.cycleprop.fiji;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import java.awt.BorderLayout;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

/**
 * A small non-modal window showing a job's progress with a Cancel button; Esc and closing the window cancel
 * too. All Swing work is done on the Event Dispatch Thread; the methods may be called from any thread.
 */
final class CancelWindow implements ImageJProgress.Listener {
    private final JDialog dialog;
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final JLabel status = new JLabel(" ");

    CancelWindow(String title, Runnable onCancel) {
        JDialog[] made = new JDialog[1];
        onEdt(() -> made[0] = build(title, onCancel));
        this.dialog = made[0];
    }

    private JDialog build(String title, Runnable onCancel) {
        JDialog d = new JDialog((java.awt.Frame) null, title, false);
        JPanel panel = new JPanel(new BorderLayout(8, 8));
        panel.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        bar.setStringPainted(true);
        panel.add(status, BorderLayout.NORTH);
        panel.add(bar, BorderLayout.CENTER);
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> cancelled(onCancel));
        panel.add(cancel, BorderLayout.EAST);
        d.getRootPane().registerKeyboardAction(e -> cancelled(onCancel), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        d.setDefaultCloseOperation(JDialog.DO_NOTHING_ON_CLOSE);
        d.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancelled(onCancel);
            }
        });
        d.setContentPane(panel);
        d.setSize(420, 110);
        d.setLocationRelativeTo(null);
        d.setVisible(true);
        return d;
    }

    private void cancelled(Runnable onCancel) {
        status.setText("cancelling…");
        onCancel.run();
    }

    @Override
    public void progressed(long done, long total, String message) {
        SwingUtilities.invokeLater(() -> {
            bar.setValue(total <= 0 ? 1000 : (int) (1000 * Math.min(1.0, done / (double) total)));
            status.setText(message == null ? done + " / " + total : message);
        });
    }

    void close() {
        SwingUtilities.invokeLater(dialog::dispose);
    }

    JDialog dialog() {
        return dialog;
    }

    private static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the progress window", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("cannot open the progress window", e.getCause());
        }
    }
}
