<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>{n} problem found; nothing loaded</source>
        <comment>{n} problems found; nothing loaded</comment>
        <translation>
            <numerusform>{n} problem found; nothing loaded</numerusform>
            <numerusform>{n} problems found; nothing loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote {path} ({w}x{h}, {n} milestone)</source>
        <comment>wrote {path} ({w}x{h}, {n} milestones)</comment>
        <translation>
            <numerusform>wrote {path} ({w}x{h}, {n} milestone)</numerusform>
            <numerusform>wrote {path} ({w}x{h}, {n} milestones)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} of {total} milestone</source>
        <comment>{n} of {total} milestones</comment>
        <translation>
            <numerusform>{n} of {total} milestone</numerusform>
            <numerusform>{n} of {total} milestones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} person</source>
        <comment>{n} people</comment>
        <translation>
            <numerusform>{n} person</numerusform>
            <numerusform>{n} people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} source</source>
        <comment>{n} sources</comment>
        <translation>
            <numerusform>{n} source</numerusform>
            <numerusform>{n} sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} milestone, grouped by company, as of {date}</source>
        <comment>{n} milestones, grouped by company, as of {date}</comment>
        <translation>
            <numerusform>{n} milestone, grouped by company, as of {date}</numerusform>
            <numerusform>{n} milestones, grouped by company, as of {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} milestone, grouped by technology, as of {date}</source>
        <comment>{n} milestones, grouped by technology, as of {date}</comment>
        <translation>
            <numerusform>{n} milestone, grouped by technology, as of {date}</numerusform>
            <numerusform>{n} milestones, grouped by technology, as of {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} claim — click for sources</source>
        <comment>{n} claims — click for sources</comment>
        <translation>
            <numerusform>{n} claim — click for sources</numerusform>
            <numerusform>{n} claims — click for sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} organization</source>
        <comment>{n} organizations</comment>
        <translation>
            <numerusform>{n} organization</numerusform>
            <numerusform>{n} organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} technology</source>
        <comment>{n} technologies</comment>
        <translation>
            <numerusform>{n} technology</numerusform>
            <numerusform>{n} technologies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} milestone</source>
        <comment>{n} milestones</comment>
        <translation>
            <numerusform>{n} milestone</numerusform>
            <numerusform>{n} milestones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} claim</source>
        <comment>{n} claims</comment>
        <translation>
            <numerusform>{n} claim</numerusform>
            <numerusform>{n} claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} claimed figure</source>
        <comment>{n} claimed figures</comment>
        <translation>
            <numerusform>{n} claimed figure</numerusform>
            <numerusform>{n} claimed figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Who says so ({n} claim, 1 independent source)</source>
        <comment>Who says so ({n} claims, 1 independent source)</comment>
        <translation>
            <numerusform>Who says so ({n} claim, 1 independent source)</numerusform>
            <numerusform>Who says so ({n} claims, 1 independent source)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Who says so ({claims} claims, {n} independent source)</source>
        <comment>Who says so ({claims} claims, {n} independent sources)</comment>
        <translation>
            <numerusform>Who says so ({claims} claims, {n} independent source)</numerusform>
            <numerusform>Who says so ({claims} claims, {n} independent sources)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} problem</source>
        <comment>{n} problems</comment>
        <translation>
            <numerusform>{n} problem</numerusform>
            <numerusform>{n} problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and {n:,} more event or era left out or changed</source>
        <comment>and {n:,} more events or eras left out or changed</comment>
        <translation>
            <numerusform>and {n:,} more event or era left out or changed</numerusform>
            <numerusform>and {n:,} more events or eras left out or changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} more organization</source>
        <comment>{n} more organizations</comment>
        <translation>
            <numerusform>{n} more organization</numerusform>
            <numerusform>{n} more organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message numerus="yes">
        <source>Metric: %1 (%n claim)</source>
        <translation>
            <numerusform>Metric: %1 (%n claim)</numerusform>
            <numerusform>Metric: %1 (%n claims)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Metric: %1 (%n claims)</source>
        <translation>
            <numerusform>Metric: %1 (%n claim)</numerusform>
            <numerusform>Metric: %1 (%n claims)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Technology: %1 (%n claims)</source>
        <translation>
            <numerusform>Technology: %1 (%n claim)</numerusform>
            <numerusform>Technology: %1 (%n claims)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims; highlighted cells disagree with another claim for the same time.</source>
        <translation>
            <numerusform>%n claim; highlighted cells disagree with another claim for the same time.</numerusform>
            <numerusform>%n claims; highlighted cells disagree with another claim for the same time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim.</source>
        <translation>
            <numerusform>%n claim.</numerusform>
            <numerusform>%n claims.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims.</source>
        <translation>
            <numerusform>%n claim.</numerusform>
            <numerusform>%n claims.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataExport</name>
    <message numerus="yes">
        <source>Exported %n milestone(s) to %1</source>
        <translation>
            <numerusform>Exported %n milestone to %1</numerusform>
            <numerusform>Exported %n milestones to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadReport</name>
    <message numerus="yes">
        <source>%n filter(s) dropped, not in this dataset: %1.</source>
        <translation>
            <numerusform>%n filter dropped, not in this dataset: %1.</numerusform>
            <numerusform>%n filters dropped, not in this dataset: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1: %2 of %Ln milestone(s) shown</source>
        <translation>
            <numerusform>%1: %2 of %Ln milestone shown</numerusform>
            <numerusform>%1: %2 of %Ln milestones shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln milestone(s) shown</source>
        <translation>
            <numerusform>%1 of %Ln milestone shown</numerusform>
            <numerusform>%1 of %Ln milestones shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsDockWidget</name>
    <message numerus="yes">
        <source>%1 (%Ln figure)</source>
        <translation>
            <numerusform>%1 (%Ln figure)</numerusform>
            <numerusform>%1 (%Ln figures)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln figures)</source>
        <translation>
            <numerusform>%1 (%Ln figure)</numerusform>
            <numerusform>%1 (%Ln figures)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claimed figure shown</source>
        <translation>
            <numerusform>%Ln claimed figure shown</numerusform>
            <numerusform>%Ln claimed figures shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claimed figures shown</source>
        <translation>
            <numerusform>%Ln claimed figure shown</numerusform>
            <numerusform>%Ln claimed figures shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message numerus="yes">
        <source>%n part(s) of %1 could not be read and were left out.</source>
        <translation>
            <numerusform>%n part of %1 could not be read and was left out.</numerusform>
            <numerusform>%n parts of %1 could not be read and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in %1; nothing was loaded.</source>
        <translation>
            <numerusform>%n problem found in %1; nothing was loaded.</numerusform>
            <numerusform>%n problems found in %1; nothing was loaded.</numerusform>
        </translation>
    </message>
</context>
</TS>
