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
        <source>Who says so ({n} claim)</source>
        <comment>Who says so ({n} claims)</comment>
        <translation>
            <numerusform>Who says so ({n} claim)</numerusform>
            <numerusform>Who says so ({n} claims)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 of %n milestone(s) shown</source>
        <translation>
            <numerusform>%1 of %n milestone shown</numerusform>
            <numerusform>%1 of %n milestones shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message numerus="yes">
        <source>%n problem(s) found in %1; nothing was loaded.</source>
        <translation>
            <numerusform>%n problem found in %1; nothing was loaded.</numerusform>
            <numerusform>%n problems found in %1; nothing was loaded.</numerusform>
        </translation>
    </message>
</context>
</TS>
