/* error paths: probe maps 150 windows with a 150-label goto ladder, each unwound right: silent, within the path budget */
/* family: mmio */
/* expect-stats: error_budget=0 error_undecided=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/io.h>

/* Written out (not macros) so that each window is its own field. */
struct snip_priv {
	void __iomem *win0;
	void __iomem *win1;
	void __iomem *win2;
	void __iomem *win3;
	void __iomem *win4;
	void __iomem *win5;
	void __iomem *win6;
	void __iomem *win7;
	void __iomem *win8;
	void __iomem *win9;
	void __iomem *win10;
	void __iomem *win11;
	void __iomem *win12;
	void __iomem *win13;
	void __iomem *win14;
	void __iomem *win15;
	void __iomem *win16;
	void __iomem *win17;
	void __iomem *win18;
	void __iomem *win19;
	void __iomem *win20;
	void __iomem *win21;
	void __iomem *win22;
	void __iomem *win23;
	void __iomem *win24;
	void __iomem *win25;
	void __iomem *win26;
	void __iomem *win27;
	void __iomem *win28;
	void __iomem *win29;
	void __iomem *win30;
	void __iomem *win31;
	void __iomem *win32;
	void __iomem *win33;
	void __iomem *win34;
	void __iomem *win35;
	void __iomem *win36;
	void __iomem *win37;
	void __iomem *win38;
	void __iomem *win39;
	void __iomem *win40;
	void __iomem *win41;
	void __iomem *win42;
	void __iomem *win43;
	void __iomem *win44;
	void __iomem *win45;
	void __iomem *win46;
	void __iomem *win47;
	void __iomem *win48;
	void __iomem *win49;
	void __iomem *win50;
	void __iomem *win51;
	void __iomem *win52;
	void __iomem *win53;
	void __iomem *win54;
	void __iomem *win55;
	void __iomem *win56;
	void __iomem *win57;
	void __iomem *win58;
	void __iomem *win59;
	void __iomem *win60;
	void __iomem *win61;
	void __iomem *win62;
	void __iomem *win63;
	void __iomem *win64;
	void __iomem *win65;
	void __iomem *win66;
	void __iomem *win67;
	void __iomem *win68;
	void __iomem *win69;
	void __iomem *win70;
	void __iomem *win71;
	void __iomem *win72;
	void __iomem *win73;
	void __iomem *win74;
	void __iomem *win75;
	void __iomem *win76;
	void __iomem *win77;
	void __iomem *win78;
	void __iomem *win79;
	void __iomem *win80;
	void __iomem *win81;
	void __iomem *win82;
	void __iomem *win83;
	void __iomem *win84;
	void __iomem *win85;
	void __iomem *win86;
	void __iomem *win87;
	void __iomem *win88;
	void __iomem *win89;
	void __iomem *win90;
	void __iomem *win91;
	void __iomem *win92;
	void __iomem *win93;
	void __iomem *win94;
	void __iomem *win95;
	void __iomem *win96;
	void __iomem *win97;
	void __iomem *win98;
	void __iomem *win99;
	void __iomem *win100;
	void __iomem *win101;
	void __iomem *win102;
	void __iomem *win103;
	void __iomem *win104;
	void __iomem *win105;
	void __iomem *win106;
	void __iomem *win107;
	void __iomem *win108;
	void __iomem *win109;
	void __iomem *win110;
	void __iomem *win111;
	void __iomem *win112;
	void __iomem *win113;
	void __iomem *win114;
	void __iomem *win115;
	void __iomem *win116;
	void __iomem *win117;
	void __iomem *win118;
	void __iomem *win119;
	void __iomem *win120;
	void __iomem *win121;
	void __iomem *win122;
	void __iomem *win123;
	void __iomem *win124;
	void __iomem *win125;
	void __iomem *win126;
	void __iomem *win127;
	void __iomem *win128;
	void __iomem *win129;
	void __iomem *win130;
	void __iomem *win131;
	void __iomem *win132;
	void __iomem *win133;
	void __iomem *win134;
	void __iomem *win135;
	void __iomem *win136;
	void __iomem *win137;
	void __iomem *win138;
	void __iomem *win139;
	void __iomem *win140;
	void __iomem *win141;
	void __iomem *win142;
	void __iomem *win143;
	void __iomem *win144;
	void __iomem *win145;
	void __iomem *win146;
	void __iomem *win147;
	void __iomem *win148;
	void __iomem *win149;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->win0 = ioremap(0x10000000 + 0 * 0x1000, 0x100);
	if (!p->win0)
		goto err0;
	p->win1 = ioremap(0x10000000 + 1 * 0x1000, 0x100);
	if (!p->win1)
		goto err1;
	p->win2 = ioremap(0x10000000 + 2 * 0x1000, 0x100);
	if (!p->win2)
		goto err2;
	p->win3 = ioremap(0x10000000 + 3 * 0x1000, 0x100);
	if (!p->win3)
		goto err3;
	p->win4 = ioremap(0x10000000 + 4 * 0x1000, 0x100);
	if (!p->win4)
		goto err4;
	p->win5 = ioremap(0x10000000 + 5 * 0x1000, 0x100);
	if (!p->win5)
		goto err5;
	p->win6 = ioremap(0x10000000 + 6 * 0x1000, 0x100);
	if (!p->win6)
		goto err6;
	p->win7 = ioremap(0x10000000 + 7 * 0x1000, 0x100);
	if (!p->win7)
		goto err7;
	p->win8 = ioremap(0x10000000 + 8 * 0x1000, 0x100);
	if (!p->win8)
		goto err8;
	p->win9 = ioremap(0x10000000 + 9 * 0x1000, 0x100);
	if (!p->win9)
		goto err9;
	p->win10 = ioremap(0x10000000 + 10 * 0x1000, 0x100);
	if (!p->win10)
		goto err10;
	p->win11 = ioremap(0x10000000 + 11 * 0x1000, 0x100);
	if (!p->win11)
		goto err11;
	p->win12 = ioremap(0x10000000 + 12 * 0x1000, 0x100);
	if (!p->win12)
		goto err12;
	p->win13 = ioremap(0x10000000 + 13 * 0x1000, 0x100);
	if (!p->win13)
		goto err13;
	p->win14 = ioremap(0x10000000 + 14 * 0x1000, 0x100);
	if (!p->win14)
		goto err14;
	p->win15 = ioremap(0x10000000 + 15 * 0x1000, 0x100);
	if (!p->win15)
		goto err15;
	p->win16 = ioremap(0x10000000 + 16 * 0x1000, 0x100);
	if (!p->win16)
		goto err16;
	p->win17 = ioremap(0x10000000 + 17 * 0x1000, 0x100);
	if (!p->win17)
		goto err17;
	p->win18 = ioremap(0x10000000 + 18 * 0x1000, 0x100);
	if (!p->win18)
		goto err18;
	p->win19 = ioremap(0x10000000 + 19 * 0x1000, 0x100);
	if (!p->win19)
		goto err19;
	p->win20 = ioremap(0x10000000 + 20 * 0x1000, 0x100);
	if (!p->win20)
		goto err20;
	p->win21 = ioremap(0x10000000 + 21 * 0x1000, 0x100);
	if (!p->win21)
		goto err21;
	p->win22 = ioremap(0x10000000 + 22 * 0x1000, 0x100);
	if (!p->win22)
		goto err22;
	p->win23 = ioremap(0x10000000 + 23 * 0x1000, 0x100);
	if (!p->win23)
		goto err23;
	p->win24 = ioremap(0x10000000 + 24 * 0x1000, 0x100);
	if (!p->win24)
		goto err24;
	p->win25 = ioremap(0x10000000 + 25 * 0x1000, 0x100);
	if (!p->win25)
		goto err25;
	p->win26 = ioremap(0x10000000 + 26 * 0x1000, 0x100);
	if (!p->win26)
		goto err26;
	p->win27 = ioremap(0x10000000 + 27 * 0x1000, 0x100);
	if (!p->win27)
		goto err27;
	p->win28 = ioremap(0x10000000 + 28 * 0x1000, 0x100);
	if (!p->win28)
		goto err28;
	p->win29 = ioremap(0x10000000 + 29 * 0x1000, 0x100);
	if (!p->win29)
		goto err29;
	p->win30 = ioremap(0x10000000 + 30 * 0x1000, 0x100);
	if (!p->win30)
		goto err30;
	p->win31 = ioremap(0x10000000 + 31 * 0x1000, 0x100);
	if (!p->win31)
		goto err31;
	p->win32 = ioremap(0x10000000 + 32 * 0x1000, 0x100);
	if (!p->win32)
		goto err32;
	p->win33 = ioremap(0x10000000 + 33 * 0x1000, 0x100);
	if (!p->win33)
		goto err33;
	p->win34 = ioremap(0x10000000 + 34 * 0x1000, 0x100);
	if (!p->win34)
		goto err34;
	p->win35 = ioremap(0x10000000 + 35 * 0x1000, 0x100);
	if (!p->win35)
		goto err35;
	p->win36 = ioremap(0x10000000 + 36 * 0x1000, 0x100);
	if (!p->win36)
		goto err36;
	p->win37 = ioremap(0x10000000 + 37 * 0x1000, 0x100);
	if (!p->win37)
		goto err37;
	p->win38 = ioremap(0x10000000 + 38 * 0x1000, 0x100);
	if (!p->win38)
		goto err38;
	p->win39 = ioremap(0x10000000 + 39 * 0x1000, 0x100);
	if (!p->win39)
		goto err39;
	p->win40 = ioremap(0x10000000 + 40 * 0x1000, 0x100);
	if (!p->win40)
		goto err40;
	p->win41 = ioremap(0x10000000 + 41 * 0x1000, 0x100);
	if (!p->win41)
		goto err41;
	p->win42 = ioremap(0x10000000 + 42 * 0x1000, 0x100);
	if (!p->win42)
		goto err42;
	p->win43 = ioremap(0x10000000 + 43 * 0x1000, 0x100);
	if (!p->win43)
		goto err43;
	p->win44 = ioremap(0x10000000 + 44 * 0x1000, 0x100);
	if (!p->win44)
		goto err44;
	p->win45 = ioremap(0x10000000 + 45 * 0x1000, 0x100);
	if (!p->win45)
		goto err45;
	p->win46 = ioremap(0x10000000 + 46 * 0x1000, 0x100);
	if (!p->win46)
		goto err46;
	p->win47 = ioremap(0x10000000 + 47 * 0x1000, 0x100);
	if (!p->win47)
		goto err47;
	p->win48 = ioremap(0x10000000 + 48 * 0x1000, 0x100);
	if (!p->win48)
		goto err48;
	p->win49 = ioremap(0x10000000 + 49 * 0x1000, 0x100);
	if (!p->win49)
		goto err49;
	p->win50 = ioremap(0x10000000 + 50 * 0x1000, 0x100);
	if (!p->win50)
		goto err50;
	p->win51 = ioremap(0x10000000 + 51 * 0x1000, 0x100);
	if (!p->win51)
		goto err51;
	p->win52 = ioremap(0x10000000 + 52 * 0x1000, 0x100);
	if (!p->win52)
		goto err52;
	p->win53 = ioremap(0x10000000 + 53 * 0x1000, 0x100);
	if (!p->win53)
		goto err53;
	p->win54 = ioremap(0x10000000 + 54 * 0x1000, 0x100);
	if (!p->win54)
		goto err54;
	p->win55 = ioremap(0x10000000 + 55 * 0x1000, 0x100);
	if (!p->win55)
		goto err55;
	p->win56 = ioremap(0x10000000 + 56 * 0x1000, 0x100);
	if (!p->win56)
		goto err56;
	p->win57 = ioremap(0x10000000 + 57 * 0x1000, 0x100);
	if (!p->win57)
		goto err57;
	p->win58 = ioremap(0x10000000 + 58 * 0x1000, 0x100);
	if (!p->win58)
		goto err58;
	p->win59 = ioremap(0x10000000 + 59 * 0x1000, 0x100);
	if (!p->win59)
		goto err59;
	p->win60 = ioremap(0x10000000 + 60 * 0x1000, 0x100);
	if (!p->win60)
		goto err60;
	p->win61 = ioremap(0x10000000 + 61 * 0x1000, 0x100);
	if (!p->win61)
		goto err61;
	p->win62 = ioremap(0x10000000 + 62 * 0x1000, 0x100);
	if (!p->win62)
		goto err62;
	p->win63 = ioremap(0x10000000 + 63 * 0x1000, 0x100);
	if (!p->win63)
		goto err63;
	p->win64 = ioremap(0x10000000 + 64 * 0x1000, 0x100);
	if (!p->win64)
		goto err64;
	p->win65 = ioremap(0x10000000 + 65 * 0x1000, 0x100);
	if (!p->win65)
		goto err65;
	p->win66 = ioremap(0x10000000 + 66 * 0x1000, 0x100);
	if (!p->win66)
		goto err66;
	p->win67 = ioremap(0x10000000 + 67 * 0x1000, 0x100);
	if (!p->win67)
		goto err67;
	p->win68 = ioremap(0x10000000 + 68 * 0x1000, 0x100);
	if (!p->win68)
		goto err68;
	p->win69 = ioremap(0x10000000 + 69 * 0x1000, 0x100);
	if (!p->win69)
		goto err69;
	p->win70 = ioremap(0x10000000 + 70 * 0x1000, 0x100);
	if (!p->win70)
		goto err70;
	p->win71 = ioremap(0x10000000 + 71 * 0x1000, 0x100);
	if (!p->win71)
		goto err71;
	p->win72 = ioremap(0x10000000 + 72 * 0x1000, 0x100);
	if (!p->win72)
		goto err72;
	p->win73 = ioremap(0x10000000 + 73 * 0x1000, 0x100);
	if (!p->win73)
		goto err73;
	p->win74 = ioremap(0x10000000 + 74 * 0x1000, 0x100);
	if (!p->win74)
		goto err74;
	p->win75 = ioremap(0x10000000 + 75 * 0x1000, 0x100);
	if (!p->win75)
		goto err75;
	p->win76 = ioremap(0x10000000 + 76 * 0x1000, 0x100);
	if (!p->win76)
		goto err76;
	p->win77 = ioremap(0x10000000 + 77 * 0x1000, 0x100);
	if (!p->win77)
		goto err77;
	p->win78 = ioremap(0x10000000 + 78 * 0x1000, 0x100);
	if (!p->win78)
		goto err78;
	p->win79 = ioremap(0x10000000 + 79 * 0x1000, 0x100);
	if (!p->win79)
		goto err79;
	p->win80 = ioremap(0x10000000 + 80 * 0x1000, 0x100);
	if (!p->win80)
		goto err80;
	p->win81 = ioremap(0x10000000 + 81 * 0x1000, 0x100);
	if (!p->win81)
		goto err81;
	p->win82 = ioremap(0x10000000 + 82 * 0x1000, 0x100);
	if (!p->win82)
		goto err82;
	p->win83 = ioremap(0x10000000 + 83 * 0x1000, 0x100);
	if (!p->win83)
		goto err83;
	p->win84 = ioremap(0x10000000 + 84 * 0x1000, 0x100);
	if (!p->win84)
		goto err84;
	p->win85 = ioremap(0x10000000 + 85 * 0x1000, 0x100);
	if (!p->win85)
		goto err85;
	p->win86 = ioremap(0x10000000 + 86 * 0x1000, 0x100);
	if (!p->win86)
		goto err86;
	p->win87 = ioremap(0x10000000 + 87 * 0x1000, 0x100);
	if (!p->win87)
		goto err87;
	p->win88 = ioremap(0x10000000 + 88 * 0x1000, 0x100);
	if (!p->win88)
		goto err88;
	p->win89 = ioremap(0x10000000 + 89 * 0x1000, 0x100);
	if (!p->win89)
		goto err89;
	p->win90 = ioremap(0x10000000 + 90 * 0x1000, 0x100);
	if (!p->win90)
		goto err90;
	p->win91 = ioremap(0x10000000 + 91 * 0x1000, 0x100);
	if (!p->win91)
		goto err91;
	p->win92 = ioremap(0x10000000 + 92 * 0x1000, 0x100);
	if (!p->win92)
		goto err92;
	p->win93 = ioremap(0x10000000 + 93 * 0x1000, 0x100);
	if (!p->win93)
		goto err93;
	p->win94 = ioremap(0x10000000 + 94 * 0x1000, 0x100);
	if (!p->win94)
		goto err94;
	p->win95 = ioremap(0x10000000 + 95 * 0x1000, 0x100);
	if (!p->win95)
		goto err95;
	p->win96 = ioremap(0x10000000 + 96 * 0x1000, 0x100);
	if (!p->win96)
		goto err96;
	p->win97 = ioremap(0x10000000 + 97 * 0x1000, 0x100);
	if (!p->win97)
		goto err97;
	p->win98 = ioremap(0x10000000 + 98 * 0x1000, 0x100);
	if (!p->win98)
		goto err98;
	p->win99 = ioremap(0x10000000 + 99 * 0x1000, 0x100);
	if (!p->win99)
		goto err99;
	p->win100 = ioremap(0x10000000 + 100 * 0x1000, 0x100);
	if (!p->win100)
		goto err100;
	p->win101 = ioremap(0x10000000 + 101 * 0x1000, 0x100);
	if (!p->win101)
		goto err101;
	p->win102 = ioremap(0x10000000 + 102 * 0x1000, 0x100);
	if (!p->win102)
		goto err102;
	p->win103 = ioremap(0x10000000 + 103 * 0x1000, 0x100);
	if (!p->win103)
		goto err103;
	p->win104 = ioremap(0x10000000 + 104 * 0x1000, 0x100);
	if (!p->win104)
		goto err104;
	p->win105 = ioremap(0x10000000 + 105 * 0x1000, 0x100);
	if (!p->win105)
		goto err105;
	p->win106 = ioremap(0x10000000 + 106 * 0x1000, 0x100);
	if (!p->win106)
		goto err106;
	p->win107 = ioremap(0x10000000 + 107 * 0x1000, 0x100);
	if (!p->win107)
		goto err107;
	p->win108 = ioremap(0x10000000 + 108 * 0x1000, 0x100);
	if (!p->win108)
		goto err108;
	p->win109 = ioremap(0x10000000 + 109 * 0x1000, 0x100);
	if (!p->win109)
		goto err109;
	p->win110 = ioremap(0x10000000 + 110 * 0x1000, 0x100);
	if (!p->win110)
		goto err110;
	p->win111 = ioremap(0x10000000 + 111 * 0x1000, 0x100);
	if (!p->win111)
		goto err111;
	p->win112 = ioremap(0x10000000 + 112 * 0x1000, 0x100);
	if (!p->win112)
		goto err112;
	p->win113 = ioremap(0x10000000 + 113 * 0x1000, 0x100);
	if (!p->win113)
		goto err113;
	p->win114 = ioremap(0x10000000 + 114 * 0x1000, 0x100);
	if (!p->win114)
		goto err114;
	p->win115 = ioremap(0x10000000 + 115 * 0x1000, 0x100);
	if (!p->win115)
		goto err115;
	p->win116 = ioremap(0x10000000 + 116 * 0x1000, 0x100);
	if (!p->win116)
		goto err116;
	p->win117 = ioremap(0x10000000 + 117 * 0x1000, 0x100);
	if (!p->win117)
		goto err117;
	p->win118 = ioremap(0x10000000 + 118 * 0x1000, 0x100);
	if (!p->win118)
		goto err118;
	p->win119 = ioremap(0x10000000 + 119 * 0x1000, 0x100);
	if (!p->win119)
		goto err119;
	p->win120 = ioremap(0x10000000 + 120 * 0x1000, 0x100);
	if (!p->win120)
		goto err120;
	p->win121 = ioremap(0x10000000 + 121 * 0x1000, 0x100);
	if (!p->win121)
		goto err121;
	p->win122 = ioremap(0x10000000 + 122 * 0x1000, 0x100);
	if (!p->win122)
		goto err122;
	p->win123 = ioremap(0x10000000 + 123 * 0x1000, 0x100);
	if (!p->win123)
		goto err123;
	p->win124 = ioremap(0x10000000 + 124 * 0x1000, 0x100);
	if (!p->win124)
		goto err124;
	p->win125 = ioremap(0x10000000 + 125 * 0x1000, 0x100);
	if (!p->win125)
		goto err125;
	p->win126 = ioremap(0x10000000 + 126 * 0x1000, 0x100);
	if (!p->win126)
		goto err126;
	p->win127 = ioremap(0x10000000 + 127 * 0x1000, 0x100);
	if (!p->win127)
		goto err127;
	p->win128 = ioremap(0x10000000 + 128 * 0x1000, 0x100);
	if (!p->win128)
		goto err128;
	p->win129 = ioremap(0x10000000 + 129 * 0x1000, 0x100);
	if (!p->win129)
		goto err129;
	p->win130 = ioremap(0x10000000 + 130 * 0x1000, 0x100);
	if (!p->win130)
		goto err130;
	p->win131 = ioremap(0x10000000 + 131 * 0x1000, 0x100);
	if (!p->win131)
		goto err131;
	p->win132 = ioremap(0x10000000 + 132 * 0x1000, 0x100);
	if (!p->win132)
		goto err132;
	p->win133 = ioremap(0x10000000 + 133 * 0x1000, 0x100);
	if (!p->win133)
		goto err133;
	p->win134 = ioremap(0x10000000 + 134 * 0x1000, 0x100);
	if (!p->win134)
		goto err134;
	p->win135 = ioremap(0x10000000 + 135 * 0x1000, 0x100);
	if (!p->win135)
		goto err135;
	p->win136 = ioremap(0x10000000 + 136 * 0x1000, 0x100);
	if (!p->win136)
		goto err136;
	p->win137 = ioremap(0x10000000 + 137 * 0x1000, 0x100);
	if (!p->win137)
		goto err137;
	p->win138 = ioremap(0x10000000 + 138 * 0x1000, 0x100);
	if (!p->win138)
		goto err138;
	p->win139 = ioremap(0x10000000 + 139 * 0x1000, 0x100);
	if (!p->win139)
		goto err139;
	p->win140 = ioremap(0x10000000 + 140 * 0x1000, 0x100);
	if (!p->win140)
		goto err140;
	p->win141 = ioremap(0x10000000 + 141 * 0x1000, 0x100);
	if (!p->win141)
		goto err141;
	p->win142 = ioremap(0x10000000 + 142 * 0x1000, 0x100);
	if (!p->win142)
		goto err142;
	p->win143 = ioremap(0x10000000 + 143 * 0x1000, 0x100);
	if (!p->win143)
		goto err143;
	p->win144 = ioremap(0x10000000 + 144 * 0x1000, 0x100);
	if (!p->win144)
		goto err144;
	p->win145 = ioremap(0x10000000 + 145 * 0x1000, 0x100);
	if (!p->win145)
		goto err145;
	p->win146 = ioremap(0x10000000 + 146 * 0x1000, 0x100);
	if (!p->win146)
		goto err146;
	p->win147 = ioremap(0x10000000 + 147 * 0x1000, 0x100);
	if (!p->win147)
		goto err147;
	p->win148 = ioremap(0x10000000 + 148 * 0x1000, 0x100);
	if (!p->win148)
		goto err148;
	p->win149 = ioremap(0x10000000 + 149 * 0x1000, 0x100);
	if (!p->win149)
		goto err149;
	platform_set_drvdata(pdev, p);
	return 0;

err149:
	iounmap(p->win148);
err148:
	iounmap(p->win147);
err147:
	iounmap(p->win146);
err146:
	iounmap(p->win145);
err145:
	iounmap(p->win144);
err144:
	iounmap(p->win143);
err143:
	iounmap(p->win142);
err142:
	iounmap(p->win141);
err141:
	iounmap(p->win140);
err140:
	iounmap(p->win139);
err139:
	iounmap(p->win138);
err138:
	iounmap(p->win137);
err137:
	iounmap(p->win136);
err136:
	iounmap(p->win135);
err135:
	iounmap(p->win134);
err134:
	iounmap(p->win133);
err133:
	iounmap(p->win132);
err132:
	iounmap(p->win131);
err131:
	iounmap(p->win130);
err130:
	iounmap(p->win129);
err129:
	iounmap(p->win128);
err128:
	iounmap(p->win127);
err127:
	iounmap(p->win126);
err126:
	iounmap(p->win125);
err125:
	iounmap(p->win124);
err124:
	iounmap(p->win123);
err123:
	iounmap(p->win122);
err122:
	iounmap(p->win121);
err121:
	iounmap(p->win120);
err120:
	iounmap(p->win119);
err119:
	iounmap(p->win118);
err118:
	iounmap(p->win117);
err117:
	iounmap(p->win116);
err116:
	iounmap(p->win115);
err115:
	iounmap(p->win114);
err114:
	iounmap(p->win113);
err113:
	iounmap(p->win112);
err112:
	iounmap(p->win111);
err111:
	iounmap(p->win110);
err110:
	iounmap(p->win109);
err109:
	iounmap(p->win108);
err108:
	iounmap(p->win107);
err107:
	iounmap(p->win106);
err106:
	iounmap(p->win105);
err105:
	iounmap(p->win104);
err104:
	iounmap(p->win103);
err103:
	iounmap(p->win102);
err102:
	iounmap(p->win101);
err101:
	iounmap(p->win100);
err100:
	iounmap(p->win99);
err99:
	iounmap(p->win98);
err98:
	iounmap(p->win97);
err97:
	iounmap(p->win96);
err96:
	iounmap(p->win95);
err95:
	iounmap(p->win94);
err94:
	iounmap(p->win93);
err93:
	iounmap(p->win92);
err92:
	iounmap(p->win91);
err91:
	iounmap(p->win90);
err90:
	iounmap(p->win89);
err89:
	iounmap(p->win88);
err88:
	iounmap(p->win87);
err87:
	iounmap(p->win86);
err86:
	iounmap(p->win85);
err85:
	iounmap(p->win84);
err84:
	iounmap(p->win83);
err83:
	iounmap(p->win82);
err82:
	iounmap(p->win81);
err81:
	iounmap(p->win80);
err80:
	iounmap(p->win79);
err79:
	iounmap(p->win78);
err78:
	iounmap(p->win77);
err77:
	iounmap(p->win76);
err76:
	iounmap(p->win75);
err75:
	iounmap(p->win74);
err74:
	iounmap(p->win73);
err73:
	iounmap(p->win72);
err72:
	iounmap(p->win71);
err71:
	iounmap(p->win70);
err70:
	iounmap(p->win69);
err69:
	iounmap(p->win68);
err68:
	iounmap(p->win67);
err67:
	iounmap(p->win66);
err66:
	iounmap(p->win65);
err65:
	iounmap(p->win64);
err64:
	iounmap(p->win63);
err63:
	iounmap(p->win62);
err62:
	iounmap(p->win61);
err61:
	iounmap(p->win60);
err60:
	iounmap(p->win59);
err59:
	iounmap(p->win58);
err58:
	iounmap(p->win57);
err57:
	iounmap(p->win56);
err56:
	iounmap(p->win55);
err55:
	iounmap(p->win54);
err54:
	iounmap(p->win53);
err53:
	iounmap(p->win52);
err52:
	iounmap(p->win51);
err51:
	iounmap(p->win50);
err50:
	iounmap(p->win49);
err49:
	iounmap(p->win48);
err48:
	iounmap(p->win47);
err47:
	iounmap(p->win46);
err46:
	iounmap(p->win45);
err45:
	iounmap(p->win44);
err44:
	iounmap(p->win43);
err43:
	iounmap(p->win42);
err42:
	iounmap(p->win41);
err41:
	iounmap(p->win40);
err40:
	iounmap(p->win39);
err39:
	iounmap(p->win38);
err38:
	iounmap(p->win37);
err37:
	iounmap(p->win36);
err36:
	iounmap(p->win35);
err35:
	iounmap(p->win34);
err34:
	iounmap(p->win33);
err33:
	iounmap(p->win32);
err32:
	iounmap(p->win31);
err31:
	iounmap(p->win30);
err30:
	iounmap(p->win29);
err29:
	iounmap(p->win28);
err28:
	iounmap(p->win27);
err27:
	iounmap(p->win26);
err26:
	iounmap(p->win25);
err25:
	iounmap(p->win24);
err24:
	iounmap(p->win23);
err23:
	iounmap(p->win22);
err22:
	iounmap(p->win21);
err21:
	iounmap(p->win20);
err20:
	iounmap(p->win19);
err19:
	iounmap(p->win18);
err18:
	iounmap(p->win17);
err17:
	iounmap(p->win16);
err16:
	iounmap(p->win15);
err15:
	iounmap(p->win14);
err14:
	iounmap(p->win13);
err13:
	iounmap(p->win12);
err12:
	iounmap(p->win11);
err11:
	iounmap(p->win10);
err10:
	iounmap(p->win9);
err9:
	iounmap(p->win8);
err8:
	iounmap(p->win7);
err7:
	iounmap(p->win6);
err6:
	iounmap(p->win5);
err5:
	iounmap(p->win4);
err4:
	iounmap(p->win3);
err3:
	iounmap(p->win2);
err2:
	iounmap(p->win1);
err1:
	iounmap(p->win0);
err0:
	return -ENOMEM;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iounmap(p->win0);
	iounmap(p->win1);
	iounmap(p->win2);
	iounmap(p->win3);
	iounmap(p->win4);
	iounmap(p->win5);
	iounmap(p->win6);
	iounmap(p->win7);
	iounmap(p->win8);
	iounmap(p->win9);
	iounmap(p->win10);
	iounmap(p->win11);
	iounmap(p->win12);
	iounmap(p->win13);
	iounmap(p->win14);
	iounmap(p->win15);
	iounmap(p->win16);
	iounmap(p->win17);
	iounmap(p->win18);
	iounmap(p->win19);
	iounmap(p->win20);
	iounmap(p->win21);
	iounmap(p->win22);
	iounmap(p->win23);
	iounmap(p->win24);
	iounmap(p->win25);
	iounmap(p->win26);
	iounmap(p->win27);
	iounmap(p->win28);
	iounmap(p->win29);
	iounmap(p->win30);
	iounmap(p->win31);
	iounmap(p->win32);
	iounmap(p->win33);
	iounmap(p->win34);
	iounmap(p->win35);
	iounmap(p->win36);
	iounmap(p->win37);
	iounmap(p->win38);
	iounmap(p->win39);
	iounmap(p->win40);
	iounmap(p->win41);
	iounmap(p->win42);
	iounmap(p->win43);
	iounmap(p->win44);
	iounmap(p->win45);
	iounmap(p->win46);
	iounmap(p->win47);
	iounmap(p->win48);
	iounmap(p->win49);
	iounmap(p->win50);
	iounmap(p->win51);
	iounmap(p->win52);
	iounmap(p->win53);
	iounmap(p->win54);
	iounmap(p->win55);
	iounmap(p->win56);
	iounmap(p->win57);
	iounmap(p->win58);
	iounmap(p->win59);
	iounmap(p->win60);
	iounmap(p->win61);
	iounmap(p->win62);
	iounmap(p->win63);
	iounmap(p->win64);
	iounmap(p->win65);
	iounmap(p->win66);
	iounmap(p->win67);
	iounmap(p->win68);
	iounmap(p->win69);
	iounmap(p->win70);
	iounmap(p->win71);
	iounmap(p->win72);
	iounmap(p->win73);
	iounmap(p->win74);
	iounmap(p->win75);
	iounmap(p->win76);
	iounmap(p->win77);
	iounmap(p->win78);
	iounmap(p->win79);
	iounmap(p->win80);
	iounmap(p->win81);
	iounmap(p->win82);
	iounmap(p->win83);
	iounmap(p->win84);
	iounmap(p->win85);
	iounmap(p->win86);
	iounmap(p->win87);
	iounmap(p->win88);
	iounmap(p->win89);
	iounmap(p->win90);
	iounmap(p->win91);
	iounmap(p->win92);
	iounmap(p->win93);
	iounmap(p->win94);
	iounmap(p->win95);
	iounmap(p->win96);
	iounmap(p->win97);
	iounmap(p->win98);
	iounmap(p->win99);
	iounmap(p->win100);
	iounmap(p->win101);
	iounmap(p->win102);
	iounmap(p->win103);
	iounmap(p->win104);
	iounmap(p->win105);
	iounmap(p->win106);
	iounmap(p->win107);
	iounmap(p->win108);
	iounmap(p->win109);
	iounmap(p->win110);
	iounmap(p->win111);
	iounmap(p->win112);
	iounmap(p->win113);
	iounmap(p->win114);
	iounmap(p->win115);
	iounmap(p->win116);
	iounmap(p->win117);
	iounmap(p->win118);
	iounmap(p->win119);
	iounmap(p->win120);
	iounmap(p->win121);
	iounmap(p->win122);
	iounmap(p->win123);
	iounmap(p->win124);
	iounmap(p->win125);
	iounmap(p->win126);
	iounmap(p->win127);
	iounmap(p->win128);
	iounmap(p->win129);
	iounmap(p->win130);
	iounmap(p->win131);
	iounmap(p->win132);
	iounmap(p->win133);
	iounmap(p->win134);
	iounmap(p->win135);
	iounmap(p->win136);
	iounmap(p->win137);
	iounmap(p->win138);
	iounmap(p->win139);
	iounmap(p->win140);
	iounmap(p->win141);
	iounmap(p->win142);
	iounmap(p->win143);
	iounmap(p->win144);
	iounmap(p->win145);
	iounmap(p->win146);
	iounmap(p->win147);
	iounmap(p->win148);
	iounmap(p->win149);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = {
		.name = "snip-ep-long-ladder",
	},
};
module_platform_driver(snip_driver);

MODULE_DESCRIPTION("teardown-check snippet");
MODULE_LICENSE("GPL");
