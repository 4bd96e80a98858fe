package org.callobjectives.bridge;

import java.awt.AWTEvent;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
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
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.border.Border;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.ObjectiveView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Swing pop: an always-on-top window that appears when a call connects, without taking the
 * keyboard from whatever the agent is typing in (it becomes focusable once the agent clicks into
 * it). Shows the objective with the advance most prominent (and the second objective), the
 * checklist as tick boxes, an upsell counter, the disposition form and the agent's state.
 *
 * <p>Every call waiting for a disposition stays in the "waiting" list with its own draft ({@link
 * WrapUps}); a new pop shows the new call and the earlier one stays one click away, but while the
 * agent works in the form the pop only raises a "New call" banner, so keys and clicks stay with the
 * call on screen ({@link InputGuard}). A draft leaves only when the server acks it. No text is ever
 * rendered as HTML ({@code html.disable} on every component; long texts are plain wrapped text
 * areas). A compact mode shows the title and the advance on one line; Alt+key picks the code with
 * that number, Ctrl+Enter submits. When the pop asks about the customer's earlier commitment, a
 * block at the top shows the question with "Kept" (Alt+K), "Not kept" (Alt+N) and "Not yet due"
 * (Alt+D); the answer is optional, belongs to the call's draft and goes out with its disposition.
 *
 * <p>The public methods may be called from any thread; all Swing work happens on the EDT.
 */
public final class PopupWindow {

  private static final Logger log = LoggerFactory.getLogger(PopupWindow.class);

  static final int WIDTH = 520;
  private static final String HTML_DISABLE = "html.disable";
  private static final Color HEADER_BG = new Color(0x1F3A5F);
  private static final Color ADVANCE_BG = new Color(0xFFF4CC);
  private static final Color ADVANCE_BORDER = new Color(0xE0B000);
  private static final Color MUTED = new Color(0x555555);
  private static final Color OK = new Color(0x1E7B34);
  private static final Color WARN = new Color(0xB00020);
  private static final Color COMMITMENT_BG = new Color(0xE3EEFB);
  private static final Color COMMITMENT_BORDER = new Color(0x1565C0);
  private static final java.time.format.DateTimeFormatter AGREED_ON =
      java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  /** The commitment answers in the order of their buttons, with their Alt hotkeys. */
  static final List<CommitmentAnswer> COMMITMENT_ANSWERS =
      List.of(CommitmentAnswer.KEPT, CommitmentAnswer.NOT_KEPT, CommitmentAnswer.NOT_YET);

  private static final Duration HIDE_AFTER_SAVE = Duration.ofMillis(1500);

  private final Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter;
  private final Clock clock;
  private final WrapUps wrapUps;
  private volatile java.util.function.BiFunction<String, String, CompletableFuture<?>> proposer;

  // Swing state: EDT only.
  private JFrame frame;
  private AWTEventListener clickToFocus;
  private InputGuard inputGuard;

  /**
   * The call a "New call" banner offers (a pop that came while the agent worked in the form), or
   * null.
   */
  private String bannerId;

  private JLabel banner;
  private String shownId;
  private boolean filling;
  private boolean compact;
  private String latestStats;
  private AgentState latestState;
  private final List<JCheckBox> checklistBoxes = new ArrayList<>();
  private JTextArea callerLabel;
  private JTextArea stateLabel;
  private JTextArea statsLabel;
  private JLabel connectionLabel;
  private JPanel headerEast;
  private JButton dismissButton;

  /** The confirmation shown by "Dismiss", while it is open (for tests). */
  private javax.swing.JDialog dismissDialog;

  private JButton detailsButton;
  private JPanel pendingPanel;
  private JLabel pendingCaption;
  private DefaultListModel<WrapUp> pendingModel;
  private JList<WrapUp> pendingList;
  private JLabel compactLine;
  private JPanel details;
  private JTextArea titleArea;
  private JTextArea advanceArea;
  private JTextArea measureArea;
  private JTextArea timeFrameArea;
  private JTextArea secondaryArea;
  private JPanel checklistPanel;
  private JPanel commitmentPanel;
  private JTextArea commitmentCaption;
  private JTextArea commitmentQuestion;
  private JTextArea commitmentAdvance;
  private final java.util.Map<CommitmentAnswer, JToggleButton> commitmentButtons =
      new java.util.EnumMap<>(CommitmentAnswer.class);
  private JLabel upsellCount;
  private JButton upsellMinus;
  private JButton upsellPlus;
  private JTextField upsellNotes;
  private JPanel moreFields;
  private JComboBox<Object> codeCombo;
  private JCheckBox advanceBox;
  private JTextField csatField;
  private JTextArea notesArea;
  private JButton submitButton;
  private JLabel statusLabel;
  private Timer ticker;

  /** A message about the shown call that the countdown must not overwrite (mismatch, CSAT...). */
  private String notice;

  private Timer textCommit;
  private Timer hideTimer;

  public PopupWindow(Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter) {
    this(submitter, Clock.systemDefaultZone());
  }

  public PopupWindow(
      Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter, Clock clock) {
    this(submitter, clock, WrapUps.inMemory());
  }

  public PopupWindow(
      Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter,
      Clock clock,
      WrapUps wrapUps) {
    this.submitter = Objects.requireNonNull(submitter, "submitter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.wrapUps = Objects.requireNonNull(wrapUps, "wrapUps");
    wrapUps.addListener(() -> SwingUtilities.invokeLater(this::refreshPending));
  }

  /** The pending wrap-ups this window works on. */
  public WrapUps wrapUps() {
    return wrapUps;
  }

  /**
   * Lets the agent suggest a change to the objective on screen (objective id, free text); the
   * footer then shows a "Suggest a change" button. Optional.
   */
  public void setProposer(
      java.util.function.BiFunction<String, String, CompletableFuture<?>> proposer) {
    this.proposer = proposer;
  }

  /**
   * Nimbus when available (cleaner than Metal), with anti-aliased text. Call once, before any
   * window.
   */
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
      public void onAck(DispositionAck ack) {
        // Acks of dispositions re-sent from the outbox (e.g. after a restart).
        if (wrapUps.get(ack.callId()).isPresent()) {
          wrapUps.acked(ack.callId());
          SwingUtilities.invokeLater(() -> afterAck(ack.callId(), ack));
        }
      }

      @Override
      public void onError(ErrorMessage e) {
        serverError(e);
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
        showFigures(HeadlessUi.congratulation(c.text()));
      }

      @Override
      public void onComplianceReminder(org.callobjectives.protocol.ComplianceReminder r) {
        showReminder(r);
      }

      @Override
      public void onAgentState(AgentState s) {
        showState(s);
      }

      @Override
      public void onDisconnected(String reason) {
        setConnected(false, reason);
      }
    };
  }

  /** The agent's own figures (or a congratulation) in the header line; kept for the next pop. */
  public void showFigures(String text) {
    SwingUtilities.invokeLater(
        () -> {
          latestStats = Text.clean(text);
          if (statsLabel != null) {
            setHeaderText(statsLabel, latestStats, headerWidth());
          }
        });
  }

  /** A compliance item still to do: in the header line, the window brought to the front. */
  public void showReminder(org.callobjectives.protocol.ComplianceReminder r) {
    showFigures("Reminder: " + HeadlessUi.reminder(r));
    SwingUtilities.invokeLater(
        () -> {
          if (frame != null && frame.isVisible()) {
            frame.toFront();
          }
        });
  }

  /** The agent's state (ready, on a call, wrap-up, paused...) in the header. */
  public void showState(AgentState s) {
    SwingUtilities.invokeLater(
        () -> {
          latestState = s;
          updateState();
        });
  }

  /**
   * A call popped: kept with its own draft and shown; the call on screen before stays in the
   * waiting list with its draft. A re-sent pop of a known call changes nothing on screen.
   */
  public void showCall(CallStarted c) {
    Objects.requireNonNull(c, "call");
    boolean isNew = wrapUps.callStarted(c);
    if (!isNew && c.replay()) {
      SwingUtilities.invokeLater(
          () -> {
            if (frame == null || !frame.isVisible()) {
              show(c.callId()); // e.g. after a restart of the client: bring the kept draft back
            }
          });
      return;
    }
    if (wrapUps.get(c.callId()).isEmpty()) {
      return; // acked already
    }
    SwingUtilities.invokeLater(() -> popped(c.callId()));
  }

  /** The call ended (possibly interrupted): its wrap-up countdown starts; it stays in the list. */
  public void callEnded(CallEnded e) {
    Objects.requireNonNull(e, "ended");
    wrapUps.callEnded(e);
    SwingUtilities.invokeLater(
        () -> {
          if (frame == null || !frame.isVisible()) {
            show(e.callId());
          } else if (e.callId().equals(shownId)) {
            updateStatus();
          }
        });
  }

  /** Shows whether the bridge is connected, in the header. */
  public void setConnected(boolean connected, String reason) {
    SwingUtilities.invokeLater(
        () -> {
          ensureFrame();
          connectionLabel.setText(connected ? "\u25CF online" : "\u25CB offline - reconnecting");
          connectionLabel.setForeground(connected ? new Color(0x9BE59B) : new Color(0xFFB3B3));
          setHeaderText(
              callerLabel, callerLabel.getText(), callerWidth()); // the room beside it changed
          List<WrapUp> kept = wrapUps.all();
          if (!frame.isVisible() && !kept.isEmpty()) {
            show(kept.get(0).callId()); // drafts kept from an earlier run
          }
        });
  }

  /** Closes the window for good. */
  public void dispose() {
    SwingUtilities.invokeLater(
        () -> {
          commitText();
          stopTimers();
          if (clickToFocus != null) {
            Toolkit.getDefaultToolkit().removeAWTEventListener(clickToFocus);
            clickToFocus = null;
          }
          if (inputGuard != null) {
            inputGuard.dispose();
            inputGuard = null;
          }
          if (frame != null) {
            frame.dispose();
          }
        });
  }

  private void serverError(ErrorMessage e) {
    if (e.requestId() == null) {
      return;
    }
    Optional<String> callId = wrapUps.callOfRequest(e.requestId());
    if (callId.isEmpty()) {
      return;
    }
    if (ErrorMessage.sendAgainLater(e.code())) {
      SwingUtilities.invokeLater(
          () -> {
            if (callId.get().equals(shownId)) {
              showStatus("Server did not take it yet - kept and sent again", new Color(0x8A5A00));
            }
          });
    } else {
      refused(callId.get(), e.requestId(), e.message() == null ? e.code() : e.message());
    }
  }

  /** The server refused this submission for good: the draft is editable again with the reason. */
  private void refused(String callId, String requestId, String message) {
    WrapUp u = wrapUps.get(callId).orElse(null);
    if (u == null || !requestId.equals(u.requestId())) {
      return;
    }
    wrapUps.refused(callId, message);
    SwingUtilities.invokeLater(
        () -> {
          if (callId.equals(shownId)) {
            show(callId);
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // EDT

  /**
   * A new pop: shown at once unless the agent is working in the form of another call; then it waits
   * behind a banner so that what they type or tick stays with the call they see.
   */
  private void popped(String callId) {
    if (wrapUps.get(callId).isEmpty()) {
      return;
    }
    if (frame == null || !frame.isVisible() || shown() == null) {
      show(callId);
    } else if (inputGuard.editing()) {
      if (!callId.equals(shownId)) {
        offer(callId);
      }
    } else {
      switchTo(callId);
    }
  }

  /**
   * Shows another call than the one on screen, keeping input meant for the old form away from it.
   */
  private void switchTo(String callId) {
    boolean other = !callId.equals(shownId);
    show(callId);
    if (other && callId.equals(shownId)) {
      inputGuard.formSwitched();
    }
  }

  /** Raises the banner for a call that popped while the agent was busy in the form. */
  private void offer(String callId) {
    WrapUp u = wrapUps.get(callId).orElse(null);
    if (u == null) {
      return;
    }
    bannerId = callId;
    banner.setText("New call: " + party(u.call()) + "  -  click to open");
    if (!banner.isVisible()) {
      banner.setVisible(true);
      layoutFrame();
    }
    refreshPending();
  }

  private void hideBanner() {
    bannerId = null;
    if (banner != null && banner.isVisible()) {
      banner.setVisible(false);
      if (frame.isVisible()) {
        layoutFrame();
      }
    }
  }

  private void show(String callId) {
    ensureFrame();
    WrapUp u = wrapUps.get(callId).orElse(null);
    if (u == null) {
      return;
    }
    commitText();
    if (hideTimer != null) {
      hideTimer.stop();
      hideTimer = null;
    }
    shownId = callId;
    notice = null;
    if (callId.equals(bannerId)) {
      hideBanner();
    }
    fill(u);
    refreshPending();
    layoutFrame();
    if (!frame.isVisible()) {
      // Appear without taking the keyboard: the agent may be typing elsewhere.
      frame.setFocusableWindowState(false);
      frame.setAutoRequestFocus(false);
      frame.setVisible(true);
      frame.toFront();
      // Without a window manager X may map the window before it applies the position, leaving Java
      // with a stale idea of where it is (clicks and drop-downs then land elsewhere): place it
      // again.
      SwingUtilities.invokeLater(
          () -> {
            if (frame != null && frame.isShowing()) {
              placeTopRight();
            }
          });
    }
  }

  private void layoutFrame() {
    frame.pack();
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    if (frame.getHeight() > screen.height - 32) {
      frame.setSize(frame.getWidth(), screen.height - 32); // the details scroll
      frame.validate();
    }
    placeTopRight();
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

    // A fixed width: long texts wrap or are cut with "...", the pop never grows over the CRM.
    JPanel root =
        new JPanel(new BorderLayout()) {
          @Override
          public Dimension getPreferredSize() {
            return new Dimension(PopupWindow.WIDTH, super.getPreferredSize().height);
          }
        };
    JPanel north = new JPanel(new BorderLayout());
    north.add(buildHeader(), BorderLayout.NORTH);
    JPanel waiting = new JPanel(new BorderLayout());
    waiting.add(buildBanner(), BorderLayout.NORTH);
    waiting.add(buildPending(), BorderLayout.CENTER);
    north.add(waiting, BorderLayout.CENTER);
    root.add(north, BorderLayout.NORTH);
    root.add(buildBody(), BorderLayout.CENTER);
    root.add(buildFooter(), BorderLayout.SOUTH);
    frame.setContentPane(root);
    installHotkeys(root);
    noHtml(root);
    inputGuard = new InputGuard(frame);

    ticker =
        new Timer(
            1000,
            ev -> {
              updateStatus();
              updateState();
              if (!pendingOrderCurrent()) {
                refreshPending(); // a call passed its deadline: it moves to the end of the list
              } else {
                pendingList.repaint();
              }
              updateDismiss();
            });
    ticker.start();
    textCommit = new Timer(400, ev -> commitText());
    textCommit.setRepeats(false);

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
    header.setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 8));
    // Wrapped text, not labels: caller, number, queue and state stay readable at the fixed width.
    callerLabel = wrapped(Font.BOLD, 13f);
    callerLabel.setForeground(Color.WHITE);
    connectionLabel = new JLabel("");
    connectionLabel.setFont(connectionLabel.getFont().deriveFont(11f));
    connectionLabel.setForeground(new Color(0x9BE59B));
    detailsButton = new JButton("Compact");
    detailsButton.setFont(detailsButton.getFont().deriveFont(10.5f));
    detailsButton.setMargin(new Insets(0, 6, 0, 6));
    detailsButton.setFocusable(false);
    detailsButton.setToolTipText(
        "Show only the title, the advance and the code (or everything again)");
    detailsButton.addActionListener(e -> setCompact(!compact));
    JPanel east = new JPanel();
    headerEast = east;
    east.setOpaque(false);
    east.setLayout(new BoxLayout(east, BoxLayout.X_AXIS));
    east.add(connectionLabel);
    east.add(Box.createHorizontalStrut(6));
    east.add(detailsButton);
    header.add(callerLabel, BorderLayout.CENTER);
    header.add(east, BorderLayout.EAST);
    JPanel lines = new JPanel(new BorderLayout());
    lines.setOpaque(false);
    stateLabel = wrapped(Font.BOLD, 11f);
    stateLabel.setForeground(new Color(0xFFE08A));
    statsLabel = wrapped(Font.PLAIN, 11f);
    statsLabel.setForeground(new Color(0xC9D6EA));
    setHeaderText(statsLabel, latestStats == null ? "" : latestStats, headerWidth());
    lines.add(stateLabel, BorderLayout.NORTH);
    lines.add(statsLabel, BorderLayout.SOUTH);
    header.add(lines, BorderLayout.SOUTH);
    east.setAlignmentY(Component.TOP_ALIGNMENT);
    return header;
  }

  private JComponent buildBanner() {
    banner = new JLabel(" ");
    banner.setOpaque(true);
    banner.setBackground(new Color(0xFFD54F));
    banner.setForeground(new Color(0x3E2700));
    banner.setFont(banner.getFont().deriveFont(Font.BOLD, 13f));
    banner.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 5, 0, 0, new Color(0xB00020)),
            BorderFactory.createEmptyBorder(6, 10, 6, 10)));
    banner.setCursor(java.awt.Cursor.getPredefinedCursor(java.awt.Cursor.HAND_CURSOR));
    banner.setVisible(false);
    banner.addMouseListener(
        new java.awt.event.MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            if (bannerId != null) {
              show(bannerId); // the agent's own choice: the form changes now
            }
          }
        });
    return banner;
  }

  private JComponent buildPending() {
    pendingPanel = new JPanel(new BorderLayout(0, 2));
    pendingPanel.setBorder(BorderFactory.createEmptyBorder(4, 12, 2, 12));
    pendingCaption = new JLabel("WAITING FOR A DISPOSITION");
    pendingCaption.setFont(pendingCaption.getFont().deriveFont(Font.BOLD, 10.5f));
    pendingCaption.setForeground(new Color(0x8A5A00));
    pendingModel = new DefaultListModel<>();
    pendingList = new JList<>(pendingModel);
    pendingList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    pendingList.setVisibleRowCount(1); // grows with the list, see refreshPending
    pendingList.setCellRenderer(new PendingRenderer());
    pendingList.addListSelectionListener(
        e -> {
          WrapUp picked = pendingList.getSelectedValue();
          if (!e.getValueIsAdjusting()
              && !filling
              && picked != null
              && !picked.callId().equals(shownId)) {
            show(picked.callId());
          }
        });
    pendingPanel.add(pendingCaption, BorderLayout.NORTH);
    pendingPanel.add(
        new JScrollPane(
            pendingList,
            JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
            JScrollPane.HORIZONTAL_SCROLLBAR_NEVER),
        BorderLayout.CENTER);
    pendingPanel.setVisible(false);
    return pendingPanel;
  }

  private JComponent buildBody() {
    JPanel body = new JPanel(new GridBagLayout());
    body.setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
    Rows rows = new Rows(body);

    rows.add(buildCommitment(), 6);

    compactLine = new JLabel(" ");
    compactLine.setFont(compactLine.getFont().deriveFont(Font.BOLD, 13f));
    compactLine.setOpaque(true);
    compactLine.setBackground(ADVANCE_BG);
    compactLine.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 5, 0, 0, ADVANCE_BORDER),
            BorderFactory.createEmptyBorder(4, 8, 4, 8)));
    compactLine.setPreferredSize(
        new Dimension(WIDTH - 24, compactLine.getPreferredSize().height + 8));
    compactLine.setVisible(false);
    rows.add(compactLine, 6);

    details = new JPanel(new GridBagLayout());
    Rows d = new Rows(details);
    titleArea = wrapped(Font.BOLD, 14f);
    d.add(titleArea, 6);

    JPanel advancePanel = new JPanel(new BorderLayout(0, 2));
    advancePanel.setBackground(ADVANCE_BG);
    advancePanel.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 5, 0, 0, ADVANCE_BORDER),
            BorderFactory.createEmptyBorder(6, 10, 8, 10)));
    JLabel advanceCaption = new JLabel("ADVANCE - what the customer commits to");
    advanceCaption.setFont(advanceCaption.getFont().deriveFont(Font.BOLD, 10.5f));
    advanceCaption.setForeground(new Color(0x7A5C00));
    advanceArea = wrapped(Font.BOLD, 16f);
    advancePanel.add(advanceCaption, BorderLayout.NORTH);
    advancePanel.add(advanceArea, BorderLayout.CENTER);
    d.add(advancePanel, 6);

    measureArea = wrapped(Font.PLAIN, 12f);
    timeFrameArea = wrapped(Font.PLAIN, 12f);
    d.add(measureArea, 2);
    d.add(timeFrameArea, 6);
    secondaryArea = wrapped(Font.PLAIN, 12f);
    secondaryArea.setForeground(new Color(0x1F3A5F));
    d.add(secondaryArea, 8);

    d.add(sectionTitle("Checklist  (* required)"), 2);
    checklistPanel = new JPanel();
    checklistPanel.setLayout(new BoxLayout(checklistPanel, BoxLayout.Y_AXIS));
    d.add(checklistPanel, 8);

    d.add(sectionTitle("Upsell opportunities"), 2);
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
    onText(upsellNotes);
    upsell.add(upsellMinus);
    upsell.add(upsellCount);
    upsell.add(upsellPlus);
    upsell.add(Box.createHorizontalStrut(8));
    upsell.add(new JLabel("Upsell notes:"));
    upsell.add(Box.createHorizontalStrut(4));
    upsell.add(upsellNotes);
    d.add(upsell, 4);
    rows.add(details, 0);

    rows.add(sectionTitle("Disposition   (Alt+number picks a code, Ctrl+Enter submits)"), 2);
    JPanel codeRow = new JPanel(new BorderLayout(8, 0));
    codeCombo = new JComboBox<>();
    codeCombo.setRenderer(new CodeRenderer());
    codeCombo.setPrototypeDisplayValue(
        "Choose a disposition code..."); // long labels must not widen the row
    codeCombo.addActionListener(
        e -> {
          // A code that settles "advance obtained" (ADVANCE, NO_ADVANCE) sets the box: one click
          // less, no mismatch.
          if (!filling
              && codeCombo.getSelectedItem() instanceof KeyedCode k
              && k.code().advance() != null
              && advanceBox != null) {
            advanceBox.setSelected(k.code().advance());
          }
          commitForm();
          updateSubmitEnabled();
        });
    codeRow.add(codeCombo, BorderLayout.CENTER);
    advanceBox = new JCheckBox("Advance obtained");
    advanceBox.setFont(advanceBox.getFont().deriveFont(Font.BOLD));
    advanceBox.addActionListener(e -> commitForm());
    codeRow.add(advanceBox, BorderLayout.EAST);
    rows.add(codeRow, 6);

    moreFields = new JPanel(new GridBagLayout());
    Rows m = new Rows(moreFields);
    JPanel csatRow = new JPanel();
    csatRow.setLayout(new BoxLayout(csatRow, BoxLayout.X_AXIS));
    csatRow.add(new JLabel("CSAT (0-100, optional):"));
    csatRow.add(Box.createHorizontalStrut(6));
    csatField = new JTextField(4);
    limit(csatField, 3);
    csatField.setMaximumSize(new Dimension(60, 28));
    onText(csatField);
    csatRow.add(csatField);
    csatRow.add(Box.createHorizontalGlue());
    m.add(csatRow, 6);
    notesArea = new JTextArea(3, 30);
    notesArea.setLineWrap(true);
    notesArea.setWrapStyleWord(true);
    limit(notesArea, HeadlessUi.MAX_NOTES);
    onText(notesArea);
    m.add(new JLabel("Notes:"), 2);
    m.add(new JScrollPane(notesArea), 0);
    rows.add(moreFields, 0);

    JScrollPane scroll =
        new JScrollPane(
            body, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED, JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    scroll.getVerticalScrollBar().setUnitIncrement(16);
    return scroll;
  }

  /**
   * The customer's earlier commitment and the agent's answer: hidden unless the pop asks about one.
   */
  private JComponent buildCommitment() {
    commitmentPanel = new JPanel(new GridBagLayout());
    commitmentPanel.setBackground(COMMITMENT_BG);
    commitmentPanel.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 5, 0, 0, COMMITMENT_BORDER),
            BorderFactory.createEmptyBorder(6, 10, 8, 10)));
    Rows c = new Rows(commitmentPanel);
    commitmentCaption = wrapped(Font.BOLD, 10.5f); // wraps: a long agent id never widens the pop
    commitmentCaption.setForeground(new Color(0x0D3C78));
    c.add(commitmentCaption, 2);
    commitmentQuestion = wrapped(Font.BOLD, 14f);
    commitmentQuestion.setForeground(new Color(0x0D2A52));
    c.add(commitmentQuestion, 2);
    commitmentAdvance = wrapped(Font.PLAIN, 12f);
    commitmentAdvance.setForeground(new Color(0x333333));
    c.add(commitmentAdvance, 6);
    // At most the block's width: the row never widens the pop.
    JPanel answers =
        new JPanel() {
          @Override
          public Dimension getPreferredSize() {
            return new Dimension(
                Math.min(WIDTH - 64, super.getPreferredSize().width),
                super.getPreferredSize().height);
          }
        };
    answers.setOpaque(false);
    answers.setLayout(new BoxLayout(answers, BoxLayout.X_AXIS));
    for (CommitmentAnswer a : COMMITMENT_ANSWERS) {
      JToggleButton b = new JToggleButton(commitmentText(a, false));
      b.setFont(b.getFont().deriveFont(Font.BOLD, 12f));
      b.setFocusable(false);
      b.setToolTipText(
          switch (a) {
            case KEPT -> "The customer did what they agreed (Alt+K; again clears it)";
            case NOT_KEPT -> "The customer did not do it (Alt+N; again clears it)";
            case NOT_YET ->
                "Not due yet: asked again on the next call, unless this call gets an advance,"
                    + " which replaces it (Alt+D; again clears it)";
          });
      b.addActionListener(e -> answerCommitment(a, b.isSelected()));
      commitmentButtons.put(a, b);
      if (answers.getComponentCount() > 0) {
        answers.add(Box.createHorizontalStrut(6));
      }
      answers.add(b);
    }
    answers.add(Box.createHorizontalGlue());
    c.add(answers, 0);
    commitmentPanel.setVisible(false);
    return commitmentPanel;
  }

  /** A commitment button's text: its name and hotkey, ticked when chosen. */
  private static String commitmentText(CommitmentAnswer a, boolean selected) {
    String name =
        switch (a) {
          case KEPT -> "Kept (Alt+K)";
          case NOT_KEPT -> "Not kept (Alt+N)";
          case NOT_YET -> "Not yet due (Alt+D)";
        };
    return (selected ? "\u2714 " : "") + name;
  }

  /** The Alt hotkey of a commitment answer. */
  static int commitmentKey(CommitmentAnswer a) {
    return switch (a) {
      case KEPT -> KeyEvent.VK_K;
      case NOT_KEPT -> KeyEvent.VK_N;
      case NOT_YET -> KeyEvent.VK_D;
    };
  }

  /**
   * The agent chose {@code a} (or took it back): one answer at most; the draft keeps it. From a
   * button (already toggled) or a hotkey.
   */
  private void answerCommitment(CommitmentAnswer a, boolean selected) {
    if (filling) {
      return;
    }
    showCommitmentAnswer(selected ? a : null);
    commitForm();
  }

  /** Shows {@code answer} (null: none) on the buttons. */
  private void showCommitmentAnswer(CommitmentAnswer answer) {
    commitmentButtons.forEach(
        (k, b) -> {
          b.setSelected(k == answer);
          b.setText(commitmentText(k, k == answer));
        });
  }

  /** The answer chosen on the buttons, or null. */
  private CommitmentAnswer commitmentChosen() {
    for (var e : commitmentButtons.entrySet()) {
      if (e.getValue().isSelected()) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Alt+K/N/D: chooses that answer for the shown call, or clears it when chosen already. */
  void pickCommitment(CommitmentAnswer a) {
    WrapUp u = shown();
    JToggleButton b = commitmentButtons.get(a);
    if (u == null || u.sending() || u.commitment() == null || b == null || !b.isEnabled()) {
      return;
    }
    answerCommitment(a, !b.isSelected());
  }

  /** "Commitment from Tue 1 Dec 2026 (agent 1002)". */
  private String commitmentCaptionText(Commitment c) {
    StringBuilder sb = new StringBuilder("COMMITMENT FROM ");
    sb.append(
        c.agreedAtMillis() > 0
            ? AGREED_ON
                .format(Instant.ofEpochMilli(c.agreedAtMillis()).atZone(clock.getZone()))
                .toUpperCase(Locale.ROOT)
            : "AN EARLIER CALL");
    if (c.agentId() != null && !c.agentId().isBlank()) {
      sb.append("  (agent ").append(Text.clean(c.agentId())).append(')');
    }
    return sb.toString();
  }

  private JComponent buildFooter() {
    JPanel footer = new JPanel(new BorderLayout(8, 0));
    footer.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xCCCCCC)),
            BorderFactory.createEmptyBorder(6, 12, 8, 12)));
    statusLabel = new JLabel(" ");
    statusLabel.setFont(statusLabel.getFont().deriveFont(Font.BOLD));
    submitButton = new JButton("Submit");
    submitButton.setFont(submitButton.getFont().deriveFont(Font.BOLD, 13f));
    submitButton.setMargin(new Insets(4, 18, 4, 18));
    submitButton.setEnabled(false);
    submitButton.setToolTipText("Ctrl+Enter");
    submitButton.addActionListener(e -> submit());
    JButton suggest = new JButton("Suggest\u2026");
    suggest.setFont(suggest.getFont().deriveFont(11f));
    suggest.setToolTipText("Propose a change to this objective or its target to the admins");
    suggest.addActionListener(e -> suggestChange());
    suggest.setVisible(proposer != null);
    footer.add(suggest, BorderLayout.WEST);
    dismissButton = new JButton("Dismiss\u2026");
    dismissButton.setFont(dismissButton.getFont().deriveFont(11f));
    dismissButton.setToolTipText(
        "Wrap-up time is over and the server stored the call as undisposed: remove it from the list");
    dismissButton.setVisible(false);
    dismissButton.addActionListener(e -> confirmDismiss());
    JPanel buttons = new JPanel();
    buttons.setLayout(new BoxLayout(buttons, BoxLayout.X_AXIS));
    buttons.add(dismissButton);
    buttons.add(Box.createHorizontalStrut(6));
    buttons.add(submitButton);
    footer.add(statusLabel, BorderLayout.CENTER);
    footer.add(buttons, BorderLayout.EAST);
    return footer;
  }

  /** Alt+{@code keys} run {@code action}, unless the input guard holds keys meant for the form. */
  private void altHotkey(JComponent rootPane, String name, Runnable action, int... keys) {
    for (int k : keys) {
      rootPane
          .getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
          .put(KeyStroke.getKeyStroke(k, InputEvent.ALT_DOWN_MASK), name);
    }
    rootPane
        .getActionMap()
        .put(
            name,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                if (!inputGuarded()) { // a hotkey meant for the form before the switch
                  action.run();
                }
              }
            });
  }

  private void installHotkeys(JComponent rootPane) {
    for (int n = 1; n <= 9; n++) {
      int key = n;
      altHotkey(
          rootPane, "code-" + n, () -> pickCode(key), KeyEvent.VK_0 + n, KeyEvent.VK_NUMPAD0 + n);
    }
    for (CommitmentAnswer a : COMMITMENT_ANSWERS) {
      altHotkey(rootPane, "commitment-" + a.wire(), () -> pickCommitment(a), commitmentKey(a));
    }
    rootPane
        .getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
        .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK), "submit");
    rootPane
        .getActionMap()
        .put(
            "submit",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                if (submitButton.isEnabled() && !inputGuarded()) {
                  submit();
                }
              }
            });
  }

  /** Selects the code with this number ({@link Codes#key}), if the shown call has one. */
  void pickCode(int key) {
    WrapUp u = shown();
    if (u == null || u.sending() || !codeCombo.isEnabled()) {
      return;
    }
    List<DispositionCode> codes = u.call().dispositionCodes();
    for (int i = 0; i < codes.size(); i++) {
      if (Codes.key(codes, i) == key) {
        codeCombo.setSelectedIndex(i + 1);
        return;
      }
    }
  }

  private void setCompact(boolean on) {
    compact = on;
    details.setVisible(!on);
    moreFields.setVisible(!on);
    compactLine.setVisible(on);
    commitmentAdvance.setVisible(!on); // the question and the answers stay
    detailsButton.setText(on ? "Details" : "Compact");
    refreshPending();
    if (frame.isVisible()) {
      layoutFrame();
    }
  }

  /** Asks for the suggestion and sends it; the answer shows in the status line. */
  private void suggestChange() {
    var p = proposer;
    WrapUp u = shown();
    if (p == null || u == null || u.call().objective() == null) {
      return;
    }
    JTextArea question = wrapped(Font.PLAIN, 12f);
    question.setText(
        "What should change in \""
            + Text.nz(u.call().objective().title())
            + "\" (objective or target)?");
    String text =
        JOptionPane.showInputDialog(frame, question, "Suggest a change", JOptionPane.PLAIN_MESSAGE);
    if (text == null || text.isBlank()) {
      return;
    }
    statusLabel.setText("Sending your suggestion\u2026");
    p.apply(u.call().objective().id(), text.strip())
        .whenComplete(
            (ok, err) ->
                SwingUtilities.invokeLater(
                    () ->
                        statusLabel.setText(
                            err == null
                                ? "Thanks: your suggestion reached the admins"
                                : "Suggestion not sent: " + Text.nz(err.getMessage()))));
  }

  private WrapUp shown() {
    return shownId == null ? null : wrapUps.get(shownId).orElse(null);
  }

  private void fill(WrapUp u) {
    filling = true;
    try {
      CallStarted c = u.call();
      boolean outbound = CallStarted.OUTBOUND.equals(c.direction());
      String where =
          c.queue() == null
              ? ""
              : (outbound ? "  \u00B7  campaign " : "  \u00B7  queue ") + Text.clean(c.queue());
      setHeaderText(
          callerLabel,
          (outbound ? "Outbound to " : "Call from ") + party(c) + where,
          callerWidth());
      frame.setTitle("Call objective - " + party(c));

      ObjectiveView o = c.objective();
      String title =
          o == null
              ? "No objective for this call"
              : Text.nz(o.title())
                  + (o.stage() == null ? "" : "   \u00B7   stage " + Text.clean(o.stage()))
                  + (o.lastCall() == null
                      ? ""
                      : "   \u00B7   last call "
                          + Text.nz(o.lastCall().code())
                          + (o.lastCall().advanceObtained() ? " (advance)" : ""));
      setWrapped(titleArea, title);
      setWrapped(advanceArea, o == null ? "-" : Text.nz(o.advance()));
      setWrapped(measureArea, "Measured by: " + (o == null ? "-" : Text.nz(o.measure())));
      setWrapped(timeFrameArea, "Time frame: " + (o == null ? "-" : Text.nz(o.timeFrame())));
      ObjectiveView second = o == null ? null : o.secondary();
      secondaryArea.setVisible(second != null);
      setWrapped(
          secondaryArea,
          second == null
              ? ""
              : "Also: " + Text.nz(second.title()) + " - " + Text.nz(second.advance()));
      compactLine.setText(
          (o == null ? "No objective" : Text.nz(o.title()))
              + "  \u2192  "
              + (o == null ? "-" : Text.nz(o.advance())));

      Draft d = u.draft();
      Commitment commitment = u.commitment();
      commitmentPanel.setVisible(commitment != null);
      if (commitment != null) {
        setWrapped(commitmentCaption, commitmentCaptionText(commitment), WIDTH - 64);
        setWrapped(
            commitmentQuestion,
            commitment.question() == null || commitment.question().isBlank()
                ? Commitment.DEFAULT_QUESTION
                : Text.clean(commitment.question()),
            WIDTH - 64);
        String agreed = Text.nz(commitment.advance()).strip();
        String by = Text.nz(commitment.timeFrame()).strip();
        setWrapped(
            commitmentAdvance,
            "Agreed: "
                + (agreed.isEmpty() ? "-" : agreed)
                + (by.isEmpty() ? "" : "\nTime frame: " + by),
            WIDTH - 64);
      }
      showCommitmentAnswer(commitment == null ? null : d.commitment());
      checklistPanel.removeAll();
      checklistBoxes.clear();
      for (ChecklistItem item : o == null ? List.<ChecklistItem>of() : o.checklist()) {
        JCheckBox box = new JCheckBox(checklistText(item));
        box.putClientProperty(HTML_DISABLE, Boolean.TRUE);
        box.setAlignmentX(Component.LEFT_ALIGNMENT);
        box.putClientProperty("itemId", item.id());
        box.setForeground(
            item.kind() == ChecklistKind.COMPLIANCE
                ? new Color(0x6A1B9A)
                : item.kind() == ChecklistKind.UPSELL ? OK : new Color(0x0D47A1));
        box.setSelected(d.checklistDone().contains(item.id()));
        box.addActionListener(e -> commitForm());
        checklistBoxes.add(box);
        checklistPanel.add(box);
      }
      if (checklistBoxes.isEmpty()) {
        checklistPanel.add(new JLabel("(no checklist)"));
      }

      upsellCount.setText(String.valueOf(d.upsellCount()));
      upsellNotes.setText(d.upsellNotes());
      codeCombo.removeAllItems();
      codeCombo.addItem("Choose a disposition code...");
      List<DispositionCode> codes = c.dispositionCodes();
      int selected = 0;
      for (int i = 0; i < codes.size(); i++) {
        codeCombo.addItem(new KeyedCode(Codes.key(codes, i), codes.get(i)));
        if (codes.get(i).code().equals(d.code())) {
          selected = i + 1;
        }
      }
      codeCombo.setSelectedIndex(selected);
      advanceBox.setSelected(Boolean.TRUE.equals(d.advance()));
      csatField.setText(d.csat() == null ? "" : String.valueOf(d.csat()));
      notesArea.setText(d.notes());
      setInputsEnabled(!u.sending());
      noHtml(checklistPanel);
    } finally {
      filling = false;
    }
    updateStatus();
    updateSubmitEnabled();
    updateDismiss();
  }

  /** Writes the form into the shown call's draft (ticks, code, advance, upsell, CSAT, notes). */
  private void commitForm() {
    if (filling || shownId == null) {
      return;
    }
    notice = null;
    List<String> done = new ArrayList<>();
    for (JCheckBox box : checklistBoxes) {
      if (box.isSelected()) {
        done.add((String) box.getClientProperty("itemId"));
      }
    }
    String code = codeCombo.getSelectedItem() instanceof KeyedCode k ? k.code().code() : null;
    boolean advance = advanceBox.isSelected();
    int upsell = Integer.parseInt(upsellCount.getText());
    String upNotes = upsellNotes.getText();
    String csatText = csatField.getText().strip();
    Integer csat =
        csatText.matches("\\d{1,3}") && Integer.parseInt(csatText) <= 100
            ? Integer.parseInt(csatText)
            : null;
    String notes = notesArea.getText();
    CommitmentAnswer commitment = commitmentChosen();
    wrapUps.updateDraft(
        shownId,
        d ->
            new Draft(
                code,
                code == null && !advance && d.advance() == null ? null : advance,
                done,
                upsell,
                upNotes,
                csat,
                notes,
                commitment));
  }

  private void commitText() {
    if (textCommit != null) {
      textCommit.stop();
    }
    commitForm();
  }

  private void onText(javax.swing.text.JTextComponent field) {
    field
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                later();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                later();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                later();
              }

              private void later() {
                if (!filling && textCommit != null) {
                  textCommit.restart();
                }
              }
            });
  }

  private void changeUpsell(int delta) {
    int n = Integer.parseInt(upsellCount.getText()) + delta;
    n = Math.max(0, Math.min(HeadlessUi.MAX_UPSELL_COUNT, n));
    upsellCount.setText(String.valueOf(n));
    commitForm();
  }

  private void refreshPending() {
    if (frame == null) {
      return;
    }
    List<WrapUp> all = WaitingOrder.order(wrapUps.all(), clock.instant());
    filling = true;
    try {
      pendingModel.clear();
      all.forEach(pendingModel::addElement);
      int index = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).callId().equals(shownId)) {
          index = i;
        }
      }
      if (index >= 0) {
        pendingList.setSelectedIndex(index);
      } else {
        pendingList.clearSelection();
      }
    } finally {
      filling = false;
    }
    pendingCaption.setText(
        "WAITING FOR A DISPOSITION (" + all.size() + ") - click one to switch, drafts are kept");
    if (bannerId != null && all.stream().noneMatch(w -> w.callId().equals(bannerId))) {
      hideBanner();
    }
    boolean visible = all.size() > 1 || (all.size() == 1 && !all.get(0).callId().equals(shownId));
    // Every waiting call in view up to 5 (2 in compact mode, which must stay small); more scroll.
    int rows = Math.max(1, Math.min(all.size(), compact ? 2 : 5));
    boolean relayout = pendingList.getVisibleRowCount() != rows;
    pendingList.setVisibleRowCount(rows);
    if (pendingPanel.isVisible() != visible) {
      pendingPanel.setVisible(visible);
      relayout = true;
    }
    if (relayout && frame.isVisible()) {
      layoutFrame();
    }
    updateDismiss();
  }

  /** True when the list shows the waiting calls in their current order. */
  private boolean pendingOrderCurrent() {
    List<WrapUp> all = WaitingOrder.order(wrapUps.all(), clock.instant());
    if (all.size() != pendingModel.size()) {
      return false;
    }
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).callId().equals(pendingModel.get(i).callId())) {
        return false;
      }
    }
    return true;
  }

  /**
   * "Dismiss" is offered for the shown call once its wrap-up time is over (and it is not being
   * sent).
   */
  private void updateDismiss() {
    if (dismissButton == null) {
      return;
    }
    WrapUp u = shown();
    boolean offer = u != null && !u.sending() && WaitingOrder.overdue(u, clock.instant());
    if (dismissButton.isVisible() != offer) {
      dismissButton.setVisible(offer);
      dismissButton.getParent().revalidate();
    }
  }

  /**
   * Asks before dropping the shown past-deadline call (the server has stored it as undisposed);
   * until then a late disposition from the form still works.
   */
  private void confirmDismiss() {
    WrapUp u = shown();
    if (u == null || u.sending() || !WaitingOrder.overdue(u, clock.instant())) {
      return;
    }
    String callId = u.callId();
    JTextArea message = wrapped(Font.PLAIN, 12f);
    setWrapped(
        message,
        "The wrap-up time for "
            + party(u.call())
            + " is over: the server has stored the call"
            + " as UNDISPOSED.\n\nDismiss it from the list? Its draft is dropped and no disposition can be sent for it"
            + " from this window any more.",
        360);
    Object[] options = {"Dismiss", "Keep"};
    javax.swing.JOptionPane pane =
        new JOptionPane(
            message,
            JOptionPane.WARNING_MESSAGE,
            JOptionPane.YES_NO_OPTION,
            null,
            options,
            options[1]);
    noHtml(pane);
    dismissDialog = pane.createDialog(frame, "Dismiss this call?");
    dismissDialog.setAlwaysOnTop(true);
    dismissDialog.setVisible(true); // modal
    dismissDialog.dispose();
    dismissDialog = null;
    if (!options[0].equals(pane.getValue())) {
      return;
    }
    WrapUp now = wrapUps.get(callId).orElse(null);
    if (now == null || now.sending()) {
      return; // acked or submitted meanwhile: nothing to dismiss
    }
    log.info("call {} dismissed by the agent after its wrap-up deadline (undisposed)", callId);
    wrapUps.discard(callId);
    if (callId.equals(shownId)) {
      showNextOrHide();
    }
  }

  private void updateSubmitEnabled() {
    if (submitButton != null) {
      WrapUp u = shown();
      submitButton.setEnabled(
          u != null && !u.sending() && codeCombo.getSelectedItem() instanceof KeyedCode);
    }
  }

  private void updateState() {
    if (stateLabel == null) {
      return;
    }
    AgentState s = latestState;
    setHeaderText(stateLabel, s == null ? "" : HeadlessUi.formatState(s, clock), headerWidth());
  }

  private void updateStatus() {
    WrapUp u = shown();
    if (statusLabel == null || u == null) {
      return;
    }
    if (notice != null) {
      showStatus(notice, WARN);
      return;
    }
    if (u.sending()) {
      showStatus("Saving... (kept until the server confirms)", MUTED);
      return;
    }
    if (u.error() != null) {
      showStatus("Not saved: " + Text.clean(u.error()), WARN);
      return;
    }
    if (u.ended() == null) {
      showStatus("Call in progress", MUTED);
      return;
    }
    Duration left =
        Duration.between(clock.instant(), Instant.ofEpochMilli(u.ended().wrapUpDeadlineMillis()));
    String interrupted =
        CallEnded.INTERRUPTED.equals(u.ended().reason()) ? "Interrupted call - " : "Call ended - ";
    if (left.isNegative() || left.isZero()) {
      // Short: the Dismiss button shares the line. A late disposition is still taken.
      showStatus(
          CallEnded.INTERRUPTED.equals(u.ended().reason())
              ? "Interrupted - wrap-up time is over"
              : "Wrap-up time is over",
          WARN);
    } else {
      long s = (left.toMillis() + 999) / 1000;
      showStatus(
          String.format(Locale.ROOT, "%swrap-up: %d:%02d left", interrupted, s / 60, s % 60),
          s <= 30 ? WARN : new Color(0x8A5A00));
    }
  }

  private void submit() {
    WrapUp u = shown();
    if (u == null || u.sending() || !(codeCombo.getSelectedItem() instanceof KeyedCode code)) {
      return;
    }
    String csatText = csatField.getText().strip();
    if (!csatText.isEmpty()) {
      int v = csatText.matches("\\d{1,3}") ? Integer.parseInt(csatText) : -1;
      if (v < 0 || v > 100) {
        notice = "CSAT must be a number from 0 to 100 (or blank)";
        updateStatus();
        csatField.requestFocusInWindow();
        return;
      }
    }
    String mismatch = code.code().advanceMismatch(advanceBox.isSelected());
    if (mismatch != null) {
      notice = Text.clean(mismatch);
      updateStatus();
      return;
    }
    notice = null;
    commitText();
    u = shown();
    DispositionSubmit d =
        u.draft()
            .withAdvance(advanceBox.isSelected())
            .toSubmit(UUID.randomUUID().toString(), u.callId(), u.commitment() != null);
    String callId = u.callId();
    CompletableFuture<DispositionAck> future;
    try {
      future = submitter.apply(d);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    // Marked sent only now that the outbox has it (or refused it): a failed write leaves it
    // editable.
    wrapUps.sent(callId, d.requestId());
    setInputsEnabled(false);
    updateSubmitEnabled();
    updateStatus();
    Timer slow =
        new Timer(
            3000,
            e -> {
              WrapUp now = wrapUps.get(callId).orElse(null);
              if (callId.equals(shownId) && now != null && now.sending()) {
                showStatus(
                    "Queued - it will be saved when the server is reachable", new Color(0x8A5A00));
              }
            });
    slow.setRepeats(false);
    slow.start();
    future.whenComplete(
        (ack, err) -> {
          if (err == null) {
            wrapUps.acked(callId);
            SwingUtilities.invokeLater(() -> afterAck(callId, ack));
            return;
          }
          Throwable cause =
              err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
          if (cause instanceof DispositionRejectedException r) {
            refused(
                callId,
                d.requestId(),
                r.error().message() == null ? r.error().code() : r.error().message());
          } else {
            // Not in a running outbox (write failed, or the bridge is closing): editable again.
            wrapUps.unsent(callId, d.requestId(), Text.nz(cause.getMessage()));
            SwingUtilities.invokeLater(
                () -> {
                  if (callId.equals(shownId)) {
                    show(callId);
                  }
                });
          }
        });
  }

  /**
   * The disposition for {@code callId} is stored: say so, then show the next waiting call or hide.
   */
  private void afterAck(String callId, DispositionAck ack) {
    if (!callId.equals(shownId)) {
      refreshPending();
      return;
    }
    showStatus(
        ack.duplicate() ? "\u2714 Saved earlier - the first disposition was kept" : "\u2714 Saved",
        OK);
    if (hideTimer != null) {
      hideTimer.stop();
    }
    hideTimer =
        new Timer(
            (int) HIDE_AFTER_SAVE.toMillis(),
            e -> {
              hideTimer = null;
              if (!callId.equals(shownId)) {
                return;
              }
              showNextOrHide();
            });
    hideTimer.setRepeats(false);
    hideTimer.start();
  }

  /** The shown call is done: shows the latest waiting call (usually the live one), or hides. */
  private void showNextOrHide() {
    List<WrapUp> rest = wrapUps.all();
    if (rest.isEmpty()) {
      shownId = null;
      refreshPending();
      frame.setVisible(false);
      frame.setFocusableWindowState(false);
    } else {
      switchTo(rest.get(rest.size() - 1).callId());
    }
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
    commitmentButtons.values().forEach(b -> b.setEnabled(enabled));
  }

  private void stopTimers() {
    for (Timer t : new Timer[] {ticker, hideTimer, textCommit}) {
      if (t != null) {
        t.stop();
      }
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

  /** Turns HTML rendering off for {@code c} and everything inside it. */
  static void noHtml(Component c) {
    if (c instanceof JComponent j) {
      j.putClientProperty(HTML_DISABLE, Boolean.TRUE);
    }
    if (c instanceof Container k) {
      for (Component child : k.getComponents()) {
        noHtml(child);
      }
    }
  }

  /** A read-only text area that wraps at the pop's width: long texts without HTML. */
  private static JTextArea wrapped(int style, float size) {
    JTextArea a = new JTextArea();
    a.setEditable(false);
    a.setFocusable(false);
    a.setLineWrap(true);
    a.setWrapStyleWord(true);
    a.setOpaque(false);
    a.setBackground(new Color(0, 0, 0, 0)); // Nimbus paints text areas even when not opaque
    a.setBorder(BorderFactory.createEmptyBorder());
    a.setFont(new JLabel().getFont().deriveFont(style, size));
    return a;
  }

  private static void setWrapped(JTextArea a, String text) {
    setWrapped(a, text, WIDTH - 60);
  }

  private static void setWrapped(JTextArea a, String text, int width) {
    a.setText(text);
    a.setPreferredSize(null);
    a.setSize(width, Short.MAX_VALUE);
    a.setPreferredSize(new Dimension(width, a.getPreferredSize().height));
  }

  /**
   * Sets a header line's text, wrapped at {@code width}; the window is laid out again if its height
   * changed.
   */
  private void setHeaderText(JTextArea a, String text, int width) {
    if (text.equals(a.getText()) && a.getPreferredSize().width == width) {
      return;
    }
    int before = a.getPreferredSize().height;
    setWrapped(a, text, width);
    // While a form is filled, show() lays the window out once at the end.
    if (!filling && a.getPreferredSize().height != before && frame != null && frame.isVisible()) {
      layoutFrame();
    }
  }

  /** The width of the header's full-width lines (state, figures). */
  private static int headerWidth() {
    return WIDTH - 12 - 8;
  }

  /** The width beside the connection state and the Compact button. */
  private int callerWidth() {
    return headerWidth() - 8 - (headerEast == null ? 0 : headerEast.getPreferredSize().width);
  }

  private static JLabel sectionTitle(String text) {
    JLabel l = new JLabel(text.toUpperCase(Locale.ROOT));
    l.setFont(l.getFont().deriveFont(Font.BOLD, 11f));
    l.setForeground(new Color(0x1F3A5F));
    Border line = BorderFactory.createMatteBorder(0, 0, 1, 0, new Color(0xD5DCE5));
    l.setBorder(
        BorderFactory.createCompoundBorder(line, BorderFactory.createEmptyBorder(0, 0, 2, 0)));
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
    return (kind == null ? "" : "[" + kind.wire() + "] ")
        + Text.nz(item.text())
        + (item.required() ? "  *" : "");
  }

  private static String party(CallStarted c) {
    String number = c.callerNumber() == null ? "unknown number" : Text.clean(c.callerNumber());
    return c.callerName() == null || c.callerName().isBlank()
        ? number
        : Text.clean(c.callerName()) + "  " + number;
  }

  private String pendingText(WrapUp u) {
    CallStarted c = u.call();
    String who =
        c.callerName() == null && c.callerNumber() == null
            ? "call " + Text.nz(c.callId())
            : party(c);
    String when;
    if (u.sending()) {
      when = "saving";
    } else if (u.ended() == null) {
      when = "on call";
    } else {
      Duration left =
          Duration.between(clock.instant(), Instant.ofEpochMilli(u.ended().wrapUpDeadlineMillis()));
      long s = Math.max(0, (left.toMillis() + 999) / 1000);
      when =
          s == 0
              ? "\u26A0 wrap-up over (stored as undisposed)"
              : String.format(Locale.ROOT, "%d:%02d left", s / 60, s % 60);
    }
    return who
        + (c.queue() == null ? "" : "  \u00B7  " + Text.clean(c.queue()))
        + "  \u00B7  "
        + when
        + (u.draft().code() == null ? "" : "  \u00B7  " + Text.clean(u.draft().code()))
        + (u.error() != null ? "  \u00B7  refused" : "");
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
                String add =
                    s == null ? "" : s.length() > room ? s.substring(0, Math.max(0, room)) : s;
                super.replace(fb, offset, length, add, a);
              }
            });
  }

  /** A code in the drop-down with its number. */
  record KeyedCode(int key, DispositionCode code) {}

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
    CodeRenderer() {
      putClientProperty(HTML_DISABLE, Boolean.TRUE);
    }

    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focus) {
      Object shown = value;
      if (value instanceof KeyedCode k) {
        DispositionCode c = k.code();
        shown =
            k.key()
                + "  "
                + Text.nz(c.code())
                + (c.label() == null ? "" : "  -  " + Text.clean(c.label()));
      }
      return super.getListCellRendererComponent(list, shown, index, selected, focus);
    }
  }

  private final class PendingRenderer extends DefaultListCellRenderer {
    PendingRenderer() {
      putClientProperty(HTML_DISABLE, Boolean.TRUE);
    }

    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focus) {
      Object shown =
          value instanceof WrapUp u
              ? (u.callId().equals(shownId) ? "\u25B6 " : "   ") + pendingText(u)
              : value;
      Component c = super.getListCellRendererComponent(list, shown, index, selected, focus);
      if (value instanceof WrapUp u && WaitingOrder.overdue(u, clock.instant()) && !selected) {
        c.setForeground(new Color(0x8A8A8A));
      }
      return c;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // For tests (EDT only)

  JFrame frame() {
    return frame;
  }

  String shownCallId() {
    return shownId;
  }

  List<JCheckBox> checklistBoxes() {
    return List.copyOf(checklistBoxes);
  }

  JComboBox<Object> codeCombo() {
    return codeCombo;
  }

  /** The code selected in the drop-down, or null. */
  String selectedCode() {
    return codeCombo.getSelectedItem() instanceof KeyedCode k ? k.code().code() : null;
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

  JTextArea notesArea() {
    return notesArea;
  }

  JLabel statusLabel() {
    return statusLabel;
  }

  JTextArea stateLabel() {
    return stateLabel;
  }

  JTextArea advanceArea() {
    return advanceArea;
  }

  JPanel commitmentPanel() {
    return commitmentPanel;
  }

  JTextArea commitmentQuestion() {
    return commitmentQuestion;
  }

  JTextArea commitmentAdvance() {
    return commitmentAdvance;
  }

  JTextArea commitmentCaption() {
    return commitmentCaption;
  }

  JToggleButton commitmentButton(CommitmentAnswer a) {
    return commitmentButtons.get(a);
  }

  JTextArea secondaryArea() {
    return secondaryArea;
  }

  JList<WrapUp> pendingList() {
    return pendingList;
  }

  JButton detailsButton() {
    return detailsButton;
  }

  JTextArea callerLabel() {
    return callerLabel;
  }

  /**
   * Sets how long input counts as working in the form and how long it is swallowed after a switch.
   */
  void inputTimes(Duration editing, Duration afterSwitch) {
    ensureFrame();
    inputGuard.times(editing, afterSwitch);
  }

  /** Sets the clock the input windows are measured on (tests on virtual time). */
  void inputClock(java.util.function.LongSupplier nanoTime) {
    ensureFrame();
    inputGuard.clock(nanoTime);
  }

  /** True while keys and clicks are swallowed after the form switched calls. */
  boolean inputGuarded() {
    return inputGuard != null && inputGuard.guarding();
  }

  JTextArea statsLabel() {
    return statsLabel;
  }

  JButton dismissButton() {
    return dismissButton;
  }

  /** The open "Dismiss this call?" confirmation, or null. */
  javax.swing.JDialog dismissDialog() {
    return dismissDialog;
  }

  /** The "New call" banner (visible while a pop waits for the agent to open it). */
  JLabel newCallBanner() {
    return banner;
  }
}
