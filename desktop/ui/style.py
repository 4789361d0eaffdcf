"""The app's look: one style sheet, calm colours, large enough type for a staff room screen."""

NAVY = "#1d3557"
ACCENT = "#e07a5f"
INK = "#1f2430"
MUTED = "#5a6270"
PAPER = "#f7f7f4"
FOCUS = "#1f6fd1"  # keyboard focus on a light background
FOCUS_ON_NAVY = "#ffd166"  # keyboard focus in the navigation
NAV_HINT = "#b3c1d6"  # "Ctrl+1" beside a page's name: 5:1 on the selected row, 7:1 on navy
NAV_HINT_MARGIN = 14  # from the row's right edge

STYLE_SHEET = f"""
QMainWindow, #pageStack {{ background: {PAPER}; }}
#mainSidebar {{ background: {NAVY}; }}
#appName {{ color: white; font-size: 20px; font-weight: 600; padding: 20px 16px 0 16px; }}
#appTagline {{ color: #c9d3e3; font-size: 12px; padding: 0 16px 16px 22px; }}
#appName {{ padding-left: 22px; }}
#scrollContent, QScrollArea {{ background: transparent; }}
#navigation {{
    background: transparent; border: none; color: white; font-size: 15px; outline: 0;
    placeholder-text-color: {NAV_HINT};
}}
#navigation::item {{
    padding: 10px 62px 10px 16px; border: 2px solid transparent; border-left-width: 4px;
}}
#navigation::item:selected {{
    background: rgba(255, 255, 255, 0.12); border-left: 4px solid {ACCENT}; color: white;
}}
#navigation::item:hover:!selected {{ background: rgba(255, 255, 255, 0.06); }}
#navigation::item:focus {{
    border: 2px solid {FOCUS_ON_NAVY}; border-left: 4px solid {FOCUS_ON_NAVY};
}}
#navigation::item:selected:focus {{ border-left: 4px solid {ACCENT}; }}
#lessonList, #lessonDetail {{ border: 1px solid #cfcfc7; padding: 1px; background: white; }}
#lessonList:focus, #lessonDetail:focus {{ border: 2px solid {FOCUS}; padding: 0; }}
#localOnly {{ color: #c9d3e3; font-size: 12px; }}
#aboutButton {{ color: #c9d3e3; font-size: 12px; text-align: left; text-decoration: underline;
    border: none; padding: 0 16px 16px 22px; }}
#aboutButton:hover {{ color: #ffffff; }}
#pageHeading {{ color: {INK}; font-size: 26px; font-weight: 600; }}
#pageIntro {{ color: {MUTED}; font-size: 14px; }}
#sectionLabel {{ color: {INK}; font-weight: 600; margin-top: 6px; }}
#comingSoon {{
    background: white; border: 1px solid #e2e2dc; border-radius: 8px; padding: 16px;
    color: {INK}; font-size: 14px;
}}
QGroupBox {{
    background: white; border: 1px solid #e2e2dc; border-radius: 8px; margin-top: 18px;
    padding: 14px 12px 8px 12px; font-size: 14px;
}}
QGroupBox::title {{
    subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {NAVY}; font-weight: 600;
}}
#fieldError {{ color: #b00020; font-size: 12px; }}
#recipientsExplain, #recipientsEmpty {{ color: {MUTED}; }}
#recipientList::item {{ padding: 3px 2px; }}
#loadError {{ color: #b00020; background: #fdecee; padding: 10px; border-radius: 6px; }}
#saveStatus[state="error"] {{ color: #b00020; }}
#saveStatus[state="ok"] {{ color: #2e7d32; }}
#logoPreview {{
    border: 1px dashed #c7c7bf; border-radius: 4px; color: {MUTED}; background: white;
}}
#noticeBar {{ background: #fff4d6; border-bottom: 1px solid #e9d9a6; }}
#vaultCard {{ background: white; border: 1px solid #e2e2dc; border-radius: 8px; }}
#cardTitle {{ color: {NAVY}; font-size: 18px; font-weight: 600; }}
#setupExplain, #unlockExplain, #recoveryExplain {{ color: {INK}; font-size: 14px; }}
#recoveryKey {{
    background: #f1f4f9; border: 1px solid #c9d3e3; border-radius: 6px; padding: 12px;
    color: {NAVY};
}}
#demoBanner {{
    background: #e8f1fb; border: 1px solid #b9d0ea; border-radius: 6px; padding: 8px 12px;
    color: {NAVY}; font-weight: 600;
}}
#demoPassphrase {{ background: #e8f1fb; border-radius: 6px; padding: 8px; color: {NAVY}; }}
#vaultNotices, #privacyFindings {{
    background: #fff4d6; border: 1px solid #e9d9a6; border-radius: 6px; padding: 8px 12px;
    color: {INK};
}}
#acuteBanner {{
    background: #fdecee; border: 1px solid #f3b8c0; border-radius: 6px; padding: 8px 12px;
    color: #8a0018;
}}
#caseTitle {{ color: {INK}; font-size: 18px; font-weight: 600; }}
#caseSummary, #caseRetention {{ color: {MUTED}; }}
#recommendation {{ color: {NAVY}; font-weight: 600; padding: 4px 0; }}
#stepHelp {{ color: {MUTED}; }}
#noticeText {{ color: {INK}; }}
"""
