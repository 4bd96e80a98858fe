package org.callobjectives.bridge;

import java.awt.AWTEvent;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.MouseEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.border.Border;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ObjectiveView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Swing pop: an always-on-top window that appears when a call connects, without taking the
 * keyboard from whatever the agent is typing in (it becomes focusable once the agent clicks into
 * it). Shows the objective with the advance most prominent, the checklist as tick boxes, an upsell
 * counter, the disposition form, and after the call ends the wrap-up countdown. After the server's
 * ack it says "saved" and hides.
 *
 * <p>The public methods may be called from any thread; all Swing work happens on the EDT.
 */
public final class PopupWindow {

  private static final Logger log = LoggerFactory.getLogger(PopupWindow.class);

  static final int WIDTH = 480;
  private static final Color HEADER_BG = new Color(0x1F3A5F);
  private static final Color ADVANCE_BG = new Color(0xFFF4CC);
  private static final Color ADVANCE_BORDER = new Color(0xE0B000);
  private static final Color MUTED = new Color(0x555555);
  private static final Color OK = new Color(0x1E7B34);
  private static final Color WARN = new Color(0xB00020);
  private static final Color REQUIRED = new Color(0xB00020);
  private static final Duration HIDE_AFTER_SAVE = Duration.ofMillis(1500);

  private final Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter;
  private final Clock clock;
  private final Set<String> submittedCalls = ConcurrentHashMap.newKeySet();
  private final Set<String> sentCalls = ConcurrentHashMap.newKeySet(); // EDT: submit clicked

  // Swing state: EDT only.
  private JFrame frame;
  private AWTEventListener clickToFocus;
  private CallStarted call;
  private CallEnded ended;
  private boolean submitting;
  private final List<JCheckBox> checklistBoxes = new ArrayList<>();
  private volatile java.util.function.BiFunction<String, String, CompletableFuture<?>> proposer;
  private JLabel callerLabel;
  private JLabel statsLabel;
  private String latestStats;
  private JLabel connectionLabel;
  private JLabel titleLabel;
  private JLabel advanceLabel;
  private JLabel measureLabel;
  private JLabel timeFrameLabel;
  private JPanel checklistPanel;
  private JLabel upsellCount;
  private JButton upsellMinus;
  private JButton upsellPlus;
  private JTextField upsellNotes;
  private JComboBox<Object> codeCombo;
  private JCheckBox advanceBox;
  private JTextField csatField;
  private JTextArea notesArea;
  private JButton submitButton;
  private JLabel statusLabel;
  private Timer countdown;
  private Timer hideTimer;

  public PopupWindow(Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter) {
    this(submitter, Clock.systemDefaultZone());
  }

  public PopupWindow(
      Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter, Clock clock) {
    this.submitter = Objects.requireNonNull(submitter, "submitter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Lets the agent suggest a change to the objective on screen (objective id, free text); the
   * footer then shows a "Suggest a change" button. Optional.
   */
  public void setProposer(java.util.function.BiFunction<String, String, CompletableFuture<?>> proposer) {
    this.proposer = proposer;
  }

  /** Nimbus when available (cleaner than Metal), with anti-aliased text. Call once, before any window. */
  public static void installLookAndFeel() {
    System.setProperty("awt.useSystemAAFontSettings", "lcd");
    System.setProperty("swing.aatext", "true");
    try {
      for (UIManager.LookAndFeelInfo info : UIManager.getInstalledLookAndFeels()) {
        if ("Nimbus".equals(info.getName())) {
          UIManager.setLookAndFeel(info.getClassName());
          return;
        }
      }
    } catch (Exception e) {
      log.debug("Nimbus not available: {}", e.toString());
    }
  }

  /** Callbacks that drive this window from a {@link BridgeClient}. */
  public BridgeClient.Listener listener() {
    return new BridgeClient.Listener() {
      @Override
      public void onCallStarted(CallStarted c) {
        showCall(c);
      }

      @Override
      public void onCallEnded(CallEnded e) {
        callEnded(e);
      }

      @Override
      public void onConnected() {
        setConnected(true, null);
      }

      @Override
      public void onAgentStats(AgentStats stats) {
        showFigures(HeadlessUi.formatStats(stats).strip());
      }

      @Override
      public void onCongratulation(Congratulation c) {
        showFigures("Well done: " + c.text());
      }

      @Override
      public void onDisconnected(String reason) {
        setConnected(false, reason);
      }
    };
  }

  /** The agent's own figures (or a congratulation) in the header line; kept for the next pop. */
  public void showFigures(String text) {
    SwingUtilities.invokeLater(() -> {
      latestStats = text;
      if (statsLabel != null) {
        statsLabel.setText(text);
      }
    });
  }

  /** Shows the pop for {@code c}, replacing any other call's (a replay of the shown call is ignored). */
  public void showCall(CallStarted c) {
    Objects.requireNonNull(c, "call");
    if (submittedCalls.contains(c.callId())) {
      return; // re-sent after a reconnect, but already dealt with
    }
    SwingUtilities.invokeLater(() -> onEdtShowCall(c));
  }

  /** The call ended: shows the wrap-up countdown (if it is the call on screen). */
  public void callEnded(CallEnded e) {
    Objects.requireNonNull(e, "ended");
    SwingUtilities.invokeLater(() -> onEdtCallEnded(e));
  }

  /** Shows whether the bridge is connected, in the header. */
  public void setConnected(boolean connected, String reason) {
    SwingUtilities.invokeLater(
        () -> {
          ensureFrame();
          connectionLabel.setText(connected ? "\u25CF online" : "\u25CB offline - reconnecting");
          connectionLabel.setForeground(connected ? new Color(0x9BE59B) : new Color(0xFFB3B3));
          connectionLabel.setToolTipText(reason);
        });
  }

  /** Closes the window for good. */
  public void dispose() {
    SwingUtilities.invokeLater(
        () -> {
          stopTimers();
          if (clickToFocus != null) {
            Toolkit.getDefaultToolkit().removeAWTEventListener(clickToFocus);
            clickToFocus = null;
          }
          if (frame != null) {
            frame.dispose();
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // EDT

  private void onEdtShowCall(CallStarted c) {
    ensureFrame();
    if (call != null && call.callId().equals(c.callId()) && frame.isVisible()) {
      return; // already showing (e.g. replay after reconnect)
    }
    if (call != null && frame.isVisible() && !sentCalls.contains(call.callId())) {
      log.warn("call {} replaced on the pop by call {} before its disposition was submitted", call.callId(), c.callId());
    }
    stopTimers();
    call = c;
    ended = null;
    submitting = false;
    fill(c);
    frame.pack();
    placeTopRight();
    // Appear without taking the keyboard: the agent may be typing elsewhere.
    frame.setFocusableWindowState(false);
    frame.setAutoRequestFocus(false);
    frame.setVisible(true);
    frame.toFront();
    // Without a window manager X may map the window before it applies the position, leaving Java
    // with a stale idea of where it is (clicks and drop-downs then land elsewhere): place it again.
    SwingUtilities.invokeLater(() -> {
      if (frame != null && frame.isShowing()) {
        placeTopRight();
      }
    });
  }

  private void onEdtCallEnded(CallEnded e) {
    if (call == null || !call.callId().equals(e.callId()) || frame == null || !frame.isVisible()) {
      return;
    }
    ended = e;
    if (countdown == null) {
      countdown = new Timer(1000, ev -> updateStatus());
      countdown.start();
    }
    updateStatus();
  }

  private void ensureFrame() {
    if (frame != null) {
      return;
    }
    frame = new JFrame("Call objective");
    frame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
    frame.setAlwaysOnTop(true);
    frame.setAutoRequestFocus(false);
    frame.setFocusableWindowState(false);
    frame.setResizable(false);

    JPanel root = new JPanel(new BorderLayout());
    root.add(buildHeader(), BorderLayout.NORTH);
    root.add(buildBody(), BorderLayout.CENTER);
    root.add(buildFooter(), BorderLayout.SOUTH);
    frame.setContentPane(root);

    // The first click into the window makes it focusable, so text fields can be typed in.
    clickToFocus =
        event -> {
          if (event.getID() != MouseEvent.MOUSE_RELEASED || frame == null) {
            return;
          }
          Object src = event.getSource();
          if (!(src instanceof Component comp)) {
            return;
          }
          Window w = comp instanceof Window win ? win : SwingUtilities.getWindowAncestor(comp);
          if (w == frame && !frame.getFocusableWindowState()) {
            // After this click is fully handled: changing the window's focus state mid-click
            // makes X drop the press/release pair, so the first tick would be lost.
            SwingUtilities.invokeLater(
                () -> {
                  if (frame == null) {
                    return;
                  }
                  frame.setFocusableWindowState(true);
                  frame.toFront();
                  if (comp.isFocusable()) {
                    comp.requestFocusInWindow();
                  }
                });
          }
        };
    Toolkit.getDefaultToolkit().addAWTEventListener(clickToFocus, AWTEvent.MOUSE_EVENT_MASK);
  }

  private JComponent buildHeader() {
    JPanel header = new JPanel(new BorderLayout(8, 0));
    header.setBackground(HEADER_BG);
    header.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    callerLabel = new JLabel(" ");
    callerLabel.setForeground(Color.WHITE);
    callerLabel.setFont(callerLabel.getFont().deriveFont(Font.BOLD, 13f));
    connectionLabel = new JLabel("");
    connectionLabel.setFont(connectionLabel.getFont().deriveFont(11f));
    connectionLabel.setForeground(new Color(0x9BE59B));
    header.add(callerLabel, BorderLayout.CENTER);
    header.add(connectionLabel, BorderLayout.EAST);
    statsLabel = new JLabel(latestStats == null ? " " : latestStats);
    statsLabel.setFont(statsLabel.getFont().deriveFont(11f));
    statsLabel.setForeground(new Color(0xC9D6EA));
    header.add(statsLabel, BorderLayout.SOUTH);
    return header;
  }

  private JComponent buildBody() {
    JPanel body = new JPanel(new GridBagLayout());
    body.setBorder(BorderFactory.createEmptyBorder(10, 12, 6, 12));
    Rows rows = new Rows(body);

    titleLabel = new JLabel(" ");
    titleLabel.setFont(titleLabel.getFont().deriveFont(Font.BOLD, 14f));
    rows.add(titleLabel, 6);

    JPanel advancePanel = new JPanel(new BorderLayout(0, 2));
    advancePanel.setBackground(ADVANCE_BG);
    advancePanel.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 5, 0, 0, ADVANCE_BORDER),
            BorderFactory.createEmptyBorder(6, 10, 8, 10)));
    JLabel advanceCaption = new JLabel("ADVANCE - what the customer commits to");
    advanceCaption.setFont(advanceCaption.getFont().deriveFont(Font.BOLD, 10.5f));
    advanceCaption.setForeground(new Color(0x7A5C00));
    advanceLabel = new JLabel(" ");
    advanceLabel.setFont(advanceLabel.getFont().deriveFont(Font.BOLD, 17f));
    advancePanel.add(advanceCaption, BorderLayout.NORTH);
    advancePanel.add(advanceLabel, BorderLayout.CENTER);
    rows.add(advancePanel, 6);

    measureLabel = new JLabel(" ");
    timeFrameLabel = new JLabel(" ");
    rows.add(measureLabel, 2);
    rows.add(timeFrameLabel, 10);

    rows.add(sectionTitle("Checklist  (* required)"), 2);
    checklistPanel = new JPanel();
    checklistPanel.setLayout(new BoxLayout(checklistPanel, BoxLayout.Y_AXIS));
    rows.add(checklistPanel, 10);

    rows.add(sectionTitle("Upsell opportunities"), 2);
    JPanel upsell = new JPanel();
    upsell.setLayout(new BoxLayout(upsell, BoxLayout.X_AXIS));
    upsellMinus = smallButton("\u2212", "One fewer upsell opportunity");
    upsellPlus = smallButton("+", "One more upsell opportunity");
    upsellCount = new JLabel("0", JLabel.CENTER);
    upsellCount.setFont(upsellCount.getFont().deriveFont(Font.BOLD, 14f));
    upsellCount.setPreferredSize(new Dimension(30, 24));
    upsellMinus.addActionListener(e -> changeUpsell(-1));
    upsellPlus.addActionListener(e -> changeUpsell(+1));
    upsellNotes = new JTextField();
    limit(upsellNotes, HeadlessUi.MAX_UPSELL_NOTE);
    upsellNotes.setToolTipText("Short note, e.g. 'wants TV bundle'; separate several with ';'");
    upsell.add(upsellMinus);
    upsell.add(upsellCount);
    upsell.add(upsellPlus);
    upsell.add(Box.createHorizontalStrut(8));
    upsell.add(new JLabel("Notes:"));
    upsell.add(Box.createHorizontalStrut(4));
    upsell.add(upsellNotes);
    rows.add(upsell, 10);

    rows.add(sectionTitle("Disposition"), 2);
    JPanel codeRow = new JPanel(new BorderLayout(8, 0));
    codeCombo = new JComboBox<>();
    codeCombo.setRenderer(new CodeRenderer());
    codeCombo.addActionListener(e -> updateSubmitEnabled());
    codeRow.add(codeCombo, BorderLayout.CENTER);
    advanceBox = new JCheckBox("Advance obtained");
    advanceBox.setFont(advanceBox.getFont().deriveFont(Font.BOLD));
    codeRow.add(advanceBox, BorderLayout.EAST);
    rows.add(codeRow, 6);

    JPanel csatRow = new JPanel();
    csatRow.setLayout(new BoxLayout(csatRow, BoxLayout.X_AXIS));
    csatRow.add(new JLabel("CSAT (0-100, optional):"));
    csatRow.add(Box.createHorizontalStrut(6));
    csatField = new JTextField(4);
    limit(csatField, 3);
    csatField.setMaximumSize(new Dimension(60, 28));
    csatRow.add(csatField);
    csatRow.add(Box.createHorizontalGlue());
    rows.add(csatRow, 6);

    notesArea = new JTextArea(3, 30);
    notesArea.setLineWrap(true);
    notesArea.setWrapStyleWord(true);
    limit(notesArea, HeadlessUi.MAX_NOTES);
    JScrollPane notesScroll = new JScrollPane(notesArea);
    rows.add(new JLabel("Notes:"), 2);
    rows.add(notesScroll, 0);
    return body;
  }

  private JComponent buildFooter() {
    JPanel footer = new JPanel(new BorderLayout(8, 0));
    footer.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xCCCCCC)),
            BorderFactory.createEmptyBorder(8, 12, 10, 12)));
    statusLabel = new JLabel(" ");
    statusLabel.setFont(statusLabel.getFont().deriveFont(Font.BOLD));
    submitButton = new JButton("Submit");
    submitButton.setFont(submitButton.getFont().deriveFont(Font.BOLD, 13f));
    submitButton.setMargin(new Insets(4, 18, 4, 18));
    submitButton.setEnabled(false);
    submitButton.addActionListener(e -> submit());
    JButton suggest = new JButton("Suggest a change\u2026");
    suggest.setFont(suggest.getFont().deriveFont(11f));
    suggest.setToolTipText("Propose a change to this objective or its target to the admins");
    suggest.addActionListener(e -> suggestChange());
    suggest.setVisible(proposer != null);
    footer.add(suggest, BorderLayout.WEST);
    footer.add(statusLabel, BorderLayout.CENTER);
    footer.add(submitButton, BorderLayout.EAST);
    return footer;
  }

  /** Asks for the suggestion and sends it; the answer shows in the status line. */
  private void suggestChange() {
    var p = proposer;
    if (p == null || call == null || call.objective() == null) {
      return;
    }
    String text = javax.swing.JOptionPane.showInputDialog(frame,
        "What should change in \"" + call.objective().title() + "\" (objective or target)?",
        "Suggest a change", javax.swing.JOptionPane.PLAIN_MESSAGE);
    if (text == null || text.isBlank()) {
      return;
    }
    statusLabel.setText("Sending your suggestion\u2026");
    p.apply(call.objective().id(), text.strip()).whenComplete((ok, err) -> SwingUtilities.invokeLater(() ->
        statusLabel.setText(err == null ? "Thanks: your suggestion reached the admins"
            : "Suggestion not sent: " + err.getMessage())));
  }

  private void fill(CallStarted c) {
    boolean outbound = CallStarted.OUTBOUND.equals(c.direction());
    String party = party(c);
    String where =
        c.queue() == null ? "" : (outbound ? "   \u00B7   campaign " : "   \u00B7   queue ") + c.queue();
    callerLabel.setText((outbound ? "Outbound to " : "Call from ") + party + where);

    ObjectiveView o = c.objective();
    titleLabel.setText(o == null ? "No objective for this call" : nz(o.title())
        + (o.stage() == null ? "" : "   \u00B7   stage " + o.stage())
        + (o.lastCall() == null ? "" : "   \u00B7   last call " + o.lastCall().code()
            + (o.lastCall().advanceObtained() ? " (advance)" : "")));
    advanceLabel.setText(html(o == null ? "-" : nz(o.advance()), WIDTH - 70));
    measureLabel.setText(html("<b>Measured by:</b> ", o == null ? "-" : nz(o.measure()), WIDTH - 40));
    timeFrameLabel.setText(html("<b>Time frame:</b> ", o == null ? "-" : nz(o.timeFrame()), WIDTH - 40));

    checklistPanel.removeAll();
    checklistBoxes.clear();
    for (ChecklistItem item : o == null ? List.<ChecklistItem>of() : o.checklist()) {
      JCheckBox box = new JCheckBox(checklistText(item));
      box.setAlignmentX(Component.LEFT_ALIGNMENT);
      box.putClientProperty("itemId", item.id());
      box.setToolTipText(item.required() ? "Required" : null);
      checklistBoxes.add(box);
      checklistPanel.add(box);
    }
    if (checklistBoxes.isEmpty()) {
      checklistPanel.add(new JLabel("(no checklist)"));
    }

    upsellCount.setText("0");
    upsellNotes.setText("");
    codeCombo.removeAllItems();
    codeCombo.addItem("Choose a disposition code...");
    for (DispositionCode code : c.dispositionCodes()) {
      codeCombo.addItem(code);
    }
    codeCombo.setSelectedIndex(0);
    advanceBox.setSelected(false);
    csatField.setText("");
    notesArea.setText("");
    setInputsEnabled(true);
    updateStatus();
    updateSubmitEnabled();
  }

  private void changeUpsell(int delta) {
    int n = Integer.parseInt(upsellCount.getText()) + delta;
    n = Math.max(0, Math.min(HeadlessUi.MAX_UPSELL_COUNT, n));
    upsellCount.setText(String.valueOf(n));
  }

  private void updateSubmitEnabled() {
    if (submitButton != null) {
      submitButton.setEnabled(!submitting && call != null && codeCombo.getSelectedItem() instanceof DispositionCode);
    }
  }

  private void updateStatus() {
    if (statusLabel == null || submitting) {
      return;
    }
    if (ended == null) {
      statusLabel.setForeground(MUTED);
      statusLabel.setText("Call in progress");
      return;
    }
    Duration left = Duration.between(clock.instant(), Instant.ofEpochMilli(ended.wrapUpDeadlineMillis()));
    if (left.isNegative() || left.isZero()) {
      statusLabel.setForeground(WARN);
      statusLabel.setText("Wrap-up time is over - please submit now");
    } else {
      long s = (left.toMillis() + 999) / 1000;
      statusLabel.setForeground(s <= 30 ? WARN : new Color(0x8A5A00));
      statusLabel.setText(String.format(Locale.ROOT, "Call ended - wrap-up: %d:%02d left", s / 60, s % 60));
    }
  }

  private void submit() {
    if (call == null || submitting || !(codeCombo.getSelectedItem() instanceof DispositionCode code)) {
      return;
    }
    Integer csat = null;
    String csatText = csatField.getText().strip();
    if (!csatText.isEmpty()) {
      int v = csatText.matches("\\d{1,3}") ? Integer.parseInt(csatText) : -1;
      if (v < 0 || v > 100) {
        showStatus("CSAT must be a number from 0 to 100 (or blank)", WARN);
        csatField.requestFocusInWindow();
        return;
      }
      csat = v;
    }
    List<String> done = new ArrayList<>();
    for (JCheckBox box : checklistBoxes) {
      if (box.isSelected()) {
        done.add((String) box.getClientProperty("itemId"));
      }
    }
    List<String> notes = new ArrayList<>();
    for (String part : upsellNotes.getText().split(";")) {
      if (!part.isBlank()) {
        notes.add(part.strip());
      }
    }
    String text = notesArea.getText().strip();
    DispositionSubmit d =
        new DispositionSubmit(
            null,
            call.callId(),
            code.code(),
            advanceBox.isSelected(),
            done,
            Integer.parseInt(upsellCount.getText()),
            notes,
            csat,
            text.isEmpty() ? null : text);
    submitting = true;
    sentCalls.add(call.callId());
    setInputsEnabled(false);
    updateSubmitEnabled();
    showStatus("Saving...", MUTED);
    CallStarted forCall = call;
    Timer slow =
        new Timer(
            3000,
            e -> {
              if (call == forCall && submitting) {
                showStatus("Queued - it will be saved when the server is reachable", new Color(0x8A5A00));
              }
            });
    slow.setRepeats(false);
    slow.start();
    CompletableFuture<DispositionAck> future;
    try {
      future = submitter.apply(d);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete((ack, err) -> SwingUtilities.invokeLater(() -> onEdtSubmitted(forCall, ack, err)));
  }

  private void onEdtSubmitted(CallStarted forCall, DispositionAck ack, Throwable err) {
    if (call != forCall) {
      return; // another call is on screen now
    }
    submitting = false;
    if (err == null) {
      submittedCalls.add(forCall.callId());
      stopTimers();
      showStatus(ack.duplicate() ? "\u2714 Saved earlier - the first disposition was kept" : "\u2714 Saved", OK);
      hideTimer = new Timer((int) HIDE_AFTER_SAVE.toMillis(), e -> {
        if (call == forCall) {
          frame.setVisible(false);
          frame.setFocusableWindowState(false);
        }
      });
      hideTimer.setRepeats(false);
      hideTimer.start();
      return;
    }
    Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    String msg =
        cause instanceof DispositionRejectedException r
            ? "Not saved: " + nz(r.error().message())
            : "Not confirmed: " + nz(cause.getMessage());
    setInputsEnabled(true);
    updateSubmitEnabled();
    showStatus(msg, WARN);
  }

  private void showStatus(String text, Color color) {
    statusLabel.setForeground(color);
    statusLabel.setText(text);
  }

  private void setInputsEnabled(boolean enabled) {
    checklistBoxes.forEach(b -> b.setEnabled(enabled));
    upsellMinus.setEnabled(enabled);
    upsellPlus.setEnabled(enabled);
    upsellNotes.setEnabled(enabled);
    codeCombo.setEnabled(enabled);
    advanceBox.setEnabled(enabled);
    csatField.setEnabled(enabled);
    notesArea.setEnabled(enabled);
  }

  private void stopTimers() {
    if (countdown != null) {
      countdown.stop();
      countdown = null;
    }
    if (hideTimer != null) {
      hideTimer.stop();
      hideTimer = null;
    }
  }

  private void placeTopRight() {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    int x = screen.x + screen.width - frame.getWidth() - 16;
    int y = screen.y + 16;
    frame.setLocation(Math.max(screen.x, x), y);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static JLabel sectionTitle(String text) {
    JLabel l = new JLabel(text.toUpperCase(Locale.ROOT));
    l.setFont(l.getFont().deriveFont(Font.BOLD, 11f));
    l.setForeground(new Color(0x1F3A5F));
    Border line = BorderFactory.createMatteBorder(0, 0, 1, 0, new Color(0xD5DCE5));
    l.setBorder(BorderFactory.createCompoundBorder(line, BorderFactory.createEmptyBorder(0, 0, 2, 0)));
    return l;
  }

  private static JButton smallButton(String text, String tip) {
    JButton b = new JButton(text);
    b.setToolTipText(tip);
    b.setFont(b.getFont().deriveFont(Font.BOLD, 14f));
    b.setMargin(new Insets(0, 6, 0, 6));
    b.setFocusable(false);
    return b;
  }

  private static String checklistText(ChecklistItem item) {
    ChecklistKind kind = item.kind();
    String color =
        kind == ChecklistKind.COMPLIANCE ? "#8E24AA" : kind == ChecklistKind.UPSELL ? "#1E7B34" : "#1565C0";
    String tag = kind == null ? "" : "<font color='" + color + "'><b>[" + kind.wire() + "]</b></font>&nbsp;";
    String req = item.required() ? "&nbsp;<font color='#B00020'><b>*</b></font>" : "";
    return "<html>" + tag + escape(nz(item.text())) + req + "</html>";
  }

  private static String html(String text, int width) {
    return "<html><div style='width:" + width + "px'>" + escape(text) + "</div></html>";
  }

  private static String html(String boldPrefix, String text, int width) {
    return "<html><div style='width:" + width + "px'>" + boldPrefix + escape(text) + "</div></html>";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String party(CallStarted c) {
    String number = c.callerNumber() == null ? "unknown number" : c.callerNumber();
    return c.callerName() == null || c.callerName().isBlank() ? number : c.callerName() + "  " + number;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void limit(javax.swing.text.JTextComponent field, int max) {
    ((AbstractDocument) field.getDocument())
        .setDocumentFilter(
            new DocumentFilter() {
              @Override
              public void insertString(FilterBypass fb, int offset, String s, AttributeSet a)
                  throws BadLocationException {
                replace(fb, offset, 0, s, a);
              }

              @Override
              public void replace(FilterBypass fb, int offset, int length, String s, AttributeSet a)
                  throws BadLocationException {
                int room = max - (fb.getDocument().getLength() - length);
                String add = s == null ? "" : s.length() > room ? s.substring(0, Math.max(0, room)) : s;
                super.replace(fb, offset, length, add, a);
              }
            });
  }

  /** Lays components out one per row, full width. */
  private static final class Rows {
    private final JPanel panel;
    private int row;

    Rows(JPanel panel) {
      this.panel = panel;
    }

    void add(JComponent c, int gapBelow) {
      GridBagConstraints g = new GridBagConstraints();
      g.gridx = 0;
      g.gridy = row++;
      g.weightx = 1;
      g.fill = GridBagConstraints.HORIZONTAL;
      g.anchor = GridBagConstraints.WEST;
      g.insets = new Insets(0, 0, gapBelow, 0);
      panel.add(c, g);
    }
  }

  private static final class CodeRenderer extends DefaultListCellRenderer {
    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focus) {
      Object shown = value;
      if (value instanceof DispositionCode c) {
        shown = c.code() + (c.label() == null ? "" : "  -  " + c.label());
      }
      return super.getListCellRendererComponent(list, shown, index, selected, focus);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // For tests (EDT only)

  JFrame frame() {
    return frame;
  }

  List<JCheckBox> checklistBoxes() {
    return List.copyOf(checklistBoxes);
  }

  JComboBox<Object> codeCombo() {
    return codeCombo;
  }

  JCheckBox advanceBox() {
    return advanceBox;
  }

  JButton submitButton() {
    return submitButton;
  }

  JButton upsellPlus() {
    return upsellPlus;
  }

  JTextField csatField() {
    return csatField;
  }

  JLabel statusLabel() {
    return statusLabel;
  }

  JLabel advanceLabel() {
    return advanceLabel;
  }
}
